using CilPortal.Infrastructure.Audit;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Email;
using CilPortal.Infrastructure.Identity;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Epci.Utilisateurs;

/// <summary>
/// The staff accounts: deactivate (the session ends at its next request), reactivate, reset two-factor
/// authentication (set up again at the next sign-in), send a new password link. An administrator cannot deactivate
/// their own account. Every change is written to the audit log with the state before and after.
/// </summary>
public class IndexModel(CilPortalDbContext db, UserManager<ApplicationUser> users, Outbox outbox, JobOptions portal, AuditLog audit) : PageModel
{
    public sealed record AccountRow(string Id, string Name, string Email, string Role, string? Bailleur, IReadOnlyList<string> Places, bool IsActive, bool TwoFactor, bool HasPassword, bool IsSelf);

    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostDeactivateAsync(string? id, CancellationToken cancellationToken) =>
        ChangeAsync(id, AuditActions.UserDeactivated, async (user, row) =>
        {
            if (row.IsSelf)
            {
                return "Vous ne pouvez pas désactiver votre propre compte : demandez-le à un autre administrateur.";
            }

            if (!user.IsActive)
            {
                return $"Le compte de {row.Name} est déjà désactivé.";
            }

            user.IsActive = false;
            Check(await users.UpdateAsync(user));
            Check(await users.UpdateSecurityStampAsync(user));
            return null;
        }, row => $"Le compte de {row.Name} est désactivé : sa session s'arrête à sa prochaine action.", cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(string? id, CancellationToken cancellationToken) =>
        ChangeAsync(id, AuditActions.UserReactivated, async (user, row) =>
        {
            if (user.IsActive)
            {
                return $"Le compte de {row.Name} est déjà actif.";
            }

            user.IsActive = true;
            Check(await users.UpdateAsync(user));
            return null;
        }, row => $"Le compte de {row.Name} est réactivé.", cancellationToken);

    /// <summary>Another account's sign-in means change: the administrator's own password must be recent.</summary>
    public async Task<IActionResult> OnPostResetTwoFactorAsync(string? id, CancellationToken cancellationToken) =>
        Reauthentication.Require(this) ?? await ChangeAsync(id, AuditActions.UserTwoFactorReset, async (user, row) =>
        {
            Check(await users.SetTwoFactorEnabledAsync(user, false));
            Check(await users.ResetAuthenticatorKeyAsync(user));
            Check(await users.UpdateSecurityStampAsync(user));
            return null;
        }, row => $"La double authentification de {row.Name} est réinitialisée : à sa prochaine connexion, la personne la met en place avec une nouvelle clé.", cancellationToken);

    public async Task<IActionResult> OnPostSendLinkAsync(string? id, CancellationToken cancellationToken) =>
        Reauthentication.Require(this) ?? await ChangeAsync(id, AuditActions.UserLinkSent, async (user, row) =>
        {
            if (!user.IsActive)
            {
                return $"Le compte de {row.Name} est désactivé : réactivez-le d'abord.";
            }

            await StaffAccounts.SendPasswordLinkAsync(users, outbox, portal, user, (await users.GetRolesAsync(user)).FirstOrDefault(Roles.Staff.Contains) ?? "");
            return null;
        }, row => $"Un nouveau lien pour choisir un mot de passe est envoyé à {row.Email}.", cancellationToken);

    /// <summary>One change to one staff account, with its audit entry, in one transaction; a refusal changes nothing.</summary>
    private async Task<IActionResult> ChangeAsync(string? id, string action, Func<ApplicationUser, AccountRow, Task<string?>> change, Func<AccountRow, string> done, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var row = Accounts.SingleOrDefault(a => a.Id == id);
        if (row is null || await users.FindByIdAsync(row.Id) is not { } user)
        {
            return NotFound();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var before = State(row);
        if (await change(user, row) is { } refusal)
        {
            TempData["Error"] = refusal;
            return RedirectToPage();
        }

        await LoadAsync(cancellationToken);
        var after = Accounts.Single(a => a.Id == row.Id);
        audit.Add(HttpContext.Actor(), action, $"{AuditActions.French(action)} : {row.Name} ({row.Email}).", "utilisateur", row.Id, before, State(after));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData["Message"] = done(row);
        return RedirectToPage();
    }

    private static object State(AccountRow row) => new { actif = row.IsActive, doubleAuthentification = row.TwoFactor, role = row.Role, bailleur = row.Bailleur };

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var staffRoles = Roles.Staff.ToList();
        var rows = await (from user in db.Users.AsNoTracking()
                          join link in db.UserRoles on user.Id equals link.UserId
                          join role in db.Roles on link.RoleId equals role.Id
                          where staffRoles.Contains(role.Name!)
                          select new { user.Id, user.DisplayName, user.Email, Role = role.Name!, user.BailleurId, user.IsActive, user.TwoFactorEnabled, HasPassword = user.PasswordHash != null })
            .ToListAsync(cancellationToken);
        var bailleurs = await db.Bailleurs.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);
        var places = (await db.ReceptionAgentAssignments.AsNoTracking()
                .Join(db.ReceptionPoints, a => a.ReceptionPointId, p => p.Id, (a, p) => new { a.UserId, p.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.UserId, x => x.Name);
        var me = users.GetUserId(User);
        Accounts = [.. rows
            .GroupBy(r => r.Id)
            .Select(g => g.OrderBy(r => staffRoles.IndexOf(r.Role)).Last())
            .OrderBy(r => staffRoles.IndexOf(r.Role)).ThenBy(r => r.DisplayName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true))
            .Select(r => new AccountRow(r.Id, r.DisplayName, r.Email ?? "", StaffAccounts.RoleName(r.Role), r.BailleurId is { } b ? bailleurs.GetValueOrDefault(b) : null,
                [.. places[r.Id].Order(StringComparer.Ordinal)], r.IsActive, r.TwoFactorEnabled, r.HasPassword, r.Id == me))];
    }
}
