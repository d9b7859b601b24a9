using System.ComponentModel.DataAnnotations;
using CilPortal.Infrastructure.Audit;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Email;
using CilPortal.Infrastructure.Identity;
using CilPortal.Infrastructure.Reception;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Epci.Utilisateurs;

/// <summary>
/// Creates a staff account (staff never register themselves): a name, an e-mail, a role, the bailleur of a bailleur
/// agent, the reception points of a reception agent. The person gets an e-mail with a link to choose a password,
/// then sets up two-factor authentication at the first sign-in.
/// </summary>
public class NouveauModel(CilPortalDbContext db, UserManager<ApplicationUser> users, Outbox outbox, JobOptions portal, AuditLog audit) : PageModel
{
    [BindProperty]
    public AccountInput Input { get; set; } = new();

    public IReadOnlyList<(int Id, string Name)> Bailleurs { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Places { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var role = Input.Role ?? "";
        if (!string.IsNullOrEmpty(Input.Role) && !StaffAccounts.RoleNames.ContainsKey(role))
        {
            ModelState.AddModelError("Input.Role", "Choisissez un rôle de la liste.");
        }

        if (role == Roles.BailleurAgent && Input.BailleurId is null)
        {
            ModelState.AddModelError("Input.BailleurId", "Choisissez le bailleur de cet agent.");
        }
        else if (role == Roles.BailleurAgent && Bailleurs.All(b => b.Id != Input.BailleurId))
        {
            ModelState.AddModelError("Input.BailleurId", "Choisissez un bailleur de la liste.");
        }
        else if (role != Roles.BailleurAgent && Input.BailleurId is not null)
        {
            ModelState.AddModelError("Input.BailleurId", "Seul un agent bailleur est rattaché à un bailleur : laissez ce choix vide.");
        }

        var places = Input.Places.Distinct().ToList();
        if (places.Any(p => Places.All(known => known.Id != p)))
        {
            ModelState.AddModelError("Input.Places", "Choisissez des lieux d'accueil de la liste.");
        }
        else if (places.Count > 0 && role != Roles.ReceptionAgent)
        {
            ModelState.AddModelError("Input.Places", "Seul un agent d'accueil travaille dans des lieux d'accueil : ne cochez aucun lieu.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            ModelState.AddModelError("Input.Email", "Cette adresse électronique a déjà un compte.");
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            DisplayName = Input.Name.Trim(),
            BailleurId = role == Roles.BailleurAgent ? Input.BailleurId : null,
            IsActive = true,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? "Input.Email" : string.Empty, error.Description);
            }

            return Page();
        }

        await users.AddToRoleAsync(user, role);
        db.ReceptionAgentAssignments.AddRange(places.Select(p => new ReceptionAgentAssignment { UserId = user.Id, ReceptionPointId = p }));
        await StaffAccounts.SendPasswordLinkAsync(users, outbox, portal, user, role);
        audit.Add(HttpContext.Actor(), AuditActions.UserCreated, $"Compte {StaffAccounts.RoleName(role)} créé pour {user.DisplayName} ({email}).", "utilisateur", user.Id,
            after: new
            {
                nom = user.DisplayName,
                courriel = email,
                role = StaffAccounts.RoleName(role),
                bailleur = Bailleurs.SingleOrDefault(b => b.Id == user.BailleurId).Name,
                lieux = Places.Where(p => places.Contains(p.Id)).Select(p => p.Name).ToArray(),
                actif = true,
            });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData["Message"] = $"Le compte de {user.DisplayName} est créé ; un courriel lui donne le lien pour choisir son mot de passe.";
        return Redirect("/gestion/epci/utilisateurs");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Bailleurs = [.. (await db.Bailleurs.AsNoTracking().OrderBy(b => b.Name).Select(b => new { b.Id, b.Name }).ToListAsync(cancellationToken)).Select(b => (b.Id, b.Name))];
        Places = [.. (await db.ReceptionPoints.AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken)).Select(r => (r.Id, r.Name))];
    }

    public sealed class AccountInput
    {
        [Display(Name = "nom")]
        [Required(ErrorMessage = "Indiquez le prénom et le nom.")]
        [StringLength(150, ErrorMessage = "Le nom tient en 150 caractères.")]
        public string Name { get; set; } = "";

        [Display(Name = "adresse électronique")]
        [Required(ErrorMessage = "Indiquez l'adresse électronique professionnelle.")]
        [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valable, par exemple prenom.nom@exemple.fr.")]
        [StringLength(254, ErrorMessage = "L'adresse électronique est trop longue.")]
        public string Email { get; set; } = "";

        [Display(Name = "rôle")]
        [Required(ErrorMessage = "Choisissez le rôle.")]
        public string? Role { get; set; }

        [Display(Name = "bailleur")]
        public int? BailleurId { get; set; }

        [Display(Name = "lieux d'accueil")]
        public int[] Places { get; set; } = [];
    }
}
