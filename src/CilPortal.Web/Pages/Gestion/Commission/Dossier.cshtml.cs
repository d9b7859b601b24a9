using CilPortal.Domain.Commission;
using CilPortal.Infrastructure.Commission;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Reception;
using CilPortal.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Commission;

/// <summary>
/// One coordination case. Read by the EPCI administrators and the invited agents (anyone else: 404, its existence is
/// not told), and every read is logged against the demand. Administrators keep the checklist, add actions, invite
/// agents and close the case; an invited agent marks the actions they own done.
/// </summary>
public class DossierModel(CilPortalDbContext db, CommissionAccess access, CommissionService commission, DemandAccessAudit audit, ParisClock clock) : PageModel
{
    public CoordinationCase Case { get; private set; } = new();

    public string Nur { get; private set; } = "";

    public string Applicant { get; private set; } = "";

    public IReadOnlyList<InvitableAgent> Invited { get; private set; } = [];

    /// <summary>The agents one may still invite.</summary>
    public IReadOnlyList<InvitableAgent> Invitable { get; private set; } = [];

    public bool IsAdministrator { get; private set; }

    public DateOnly Today => clock.Today;

    [BindProperty]
    public ActionForm NewAction { get; set; } = new();

    [BindProperty]
    public string? ClosingNote { get; set; }

    [BindProperty]
    public string? DocumentLabel { get; set; }

    [BindProperty]
    public string? InviteUserId { get; set; }

    public bool MayComplete(CaseAction action) => !CommissionRules.IsClosed(Case) && action.DoneOn is null && CommissionAccess.MayComplete(User, action);

    public bool IsOverdue(CaseAction action) => !CommissionRules.IsClosed(Case) && CommissionRules.IsOverdue(action, Today);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await audit.LogAsync(User.Identity?.Name, Case.DemandId, DemandAccessPurpose.Commission, "commission", cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostDocumentsAsync(int id, int[]? received, CancellationToken cancellationToken) =>
        AdministratorAsync(id, () => commission.SetReceivedAsync(id, received ?? [], Today, UserName, cancellationToken), "La liste des pièces est à jour.", _ => "Received", cancellationToken);

    public Task<IActionResult> OnPostDocumentAsync(int id, CancellationToken cancellationToken) =>
        AdministratorAsync(id, () => commission.AddDocumentAsync(id, DocumentLabel, UserName, cancellationToken), "La pièce est ajoutée à la liste.", _ => nameof(DocumentLabel), cancellationToken);

    public Task<IActionResult> OnPostActionAsync(int id, CancellationToken cancellationToken) =>
        AdministratorAsync(
            id,
            () => commission.AddActionAsync(id, NewAction.Description, NewAction.Owner, NewAction.OwnerUserId, NewAction.DueOn, UserName, cancellationToken),
            "L'action est ajoutée.",
            error => error.Contains("compte", StringComparison.Ordinal) ? "NewAction.OwnerUserId"
                : error.Contains("porte", StringComparison.Ordinal) ? "NewAction.Owner"
                : error.Contains("échéance", StringComparison.Ordinal) ? "NewAction.DueOn"
                : "NewAction.Description",
            cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken cancellationToken) =>
        AdministratorAsync(id, () => commission.CloseAsync(id, ClosingNote, Today, UserName, cancellationToken), "Le dossier est clos.", _ => nameof(ClosingNote), cancellationToken);

    public Task<IActionResult> OnPostInviteAsync(int id, CancellationToken cancellationToken) =>
        AdministratorAsync(id, () => commission.InviteAsync(id, InviteUserId, UserName, cancellationToken), "L'agent est invité : il voit désormais le dossier.", _ => nameof(InviteUserId), cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(int id, string? userId, CancellationToken cancellationToken) =>
        AdministratorAsync(id, () => commission.WithdrawAsync(id, userId, UserName, cancellationToken), "L'invitation est retirée.", _ => "", cancellationToken);

    /// <summary>An administrator, or the invited agent who owns the action, marks it done.</summary>
    public async Task<IActionResult> OnPostDoneAsync(int id, int actionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Case.Actions.Find(a => a.Id == actionId) is not { } action)
        {
            return NotFound();
        }

        if (!CommissionAccess.MayComplete(User, action))
        {
            return Forbid();
        }

        return await AfterAsync(id, await commission.CompleteActionAsync(id, actionId, Today, UserName, cancellationToken), "L'action est notée comme faite.", _ => "", cancellationToken);
    }

    private string UserName => User.Identity?.Name ?? "";

    private async Task<IActionResult> AdministratorAsync(int id, Func<Task<CommissionResult>> change, string message, Func<string, string> fieldOf, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!IsAdministrator)
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            return await RefusedAsync(id, cancellationToken);
        }

        return await AfterAsync(id, await change(), message, fieldOf, cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(int id, CommissionResult result, string message, Func<string, string> fieldOf, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            TempData["Message"] = message;
            return Redirect($"/gestion/epci/commission/{id}");
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(fieldOf(error), error);
        }

        return await RefusedAsync(id, cancellationToken);
    }

    /// <summary>Shows the case again with the errors; nothing was written, but the case is read again, and logged.</summary>
    private async Task<IActionResult> RefusedAsync(int id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(id, cancellationToken);
        await audit.LogAsync(User.Identity?.Name, Case.DemandId, DemandAccessPurpose.Commission, "commission", cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var found = await access.VisibleCases(User).AsNoTracking()
            .Include(c => c.Documents).Include(c => c.Actions).Include(c => c.Decisions).ThenInclude(d => d.Session)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (found is null)
        {
            return false;
        }

        Case = found;
        IsAdministrator = CommissionAccess.IsAdministrator(User);
        Nur = await db.Demands.Where(d => d.Id == found.DemandId).Select(d => d.Nur).SingleAsync(cancellationToken);
        Applicant = await CaseQueries.ApplicantName(db, found.DemandId).FirstOrDefaultAsync(cancellationToken) ?? "";
        var invitedIds = await db.CaseInvitations.Where(i => i.CaseId == id).Select(i => i.UserId).ToListAsync(cancellationToken);
        var invited = await db.Users.AsNoTracking().Where(u => invitedIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        Invited = [.. invited.Select(u => new InvitableAgent(u.Id, u.DisplayName, u.Email ?? "")).OrderBy(a => a.DisplayName, StringComparer.CurrentCulture)];
        if (IsAdministrator)
        {
            Invitable = [.. (await commission.InvitableAgentsAsync(cancellationToken)).Where(a => !invitedIds.Contains(a.UserId))];
        }

        return true;
    }

    public sealed class ActionForm
    {
        public string? Description { get; set; }

        public string? Owner { get; set; }

        public string? OwnerUserId { get; set; }

        public DateOnly? DueOn { get; set; }
    }
}
