using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Exchanges;
using CilPortal.Infrastructure.Identity;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Echanges;

/// <summary>A person with a public account joins the marketplace as the tenant of a bailleur; the bailleur verifies before anything is shown.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(CilPortal.Web.Infrastructure.RateLimits.AccountForm)]
public class AdhesionModel(CilPortalDbContext db, ExchangeService exchanges, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn) : PageModel
{
    [BindProperty]
    public JoinInput Input { get; set; } = new();

    public IReadOnlyList<BailleurResidences> Bailleurs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await exchanges.MemberOfUserAsync(UserId, cancellationToken) is not null)
        {
            return Redirect("/echanges/mon-espace");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var result = await exchanges.JoinAsync(UserId, new MembershipRequest(Input.BailleurId ?? 0, Input.ResidenceId ?? 0, Input.TenantReference, Input.ContactName, Input.ContactPhone, Input.AcceptsProposedChains), cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Field.Length == 0 ? "" : $"Input.{error.Field}", error.Message);
            }

            await LoadAsync(cancellationToken);
            return Page();
        }

        var user = await users.FindByIdAsync(UserId);
        if (user is not null && !await users.IsInRoleAsync(user, Roles.Tenant))
        {
            await users.AddToRoleAsync(user, Roles.Tenant);
            await signIn.RefreshSignInAsync(user);
        }

        return Redirect("/echanges/mon-espace");
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var bailleurs = await db.Bailleurs.AsNoTracking().OrderBy(b => b.Name).Select(b => new { b.Id, b.Name }).ToListAsync(cancellationToken);
        var residences = await db.Residences.AsNoTracking()
            .Join(db.Communes, r => r.CommuneInseeCode, c => c.InseeCode, (r, c) => new { r.Id, r.BailleurId, r.Name, Commune = c.Name })
            .ToListAsync(cancellationToken);
        Bailleurs = bailleurs.Select(b => new BailleurResidences(b.Id, b.Name,
            residences.Where(r => r.BailleurId == b.Id).OrderBy(r => r.Commune).ThenBy(r => r.Name).Select(r => (r.Id, $"{r.Name} ({r.Commune})")).ToList())).ToList();
    }

    public sealed record BailleurResidences(int Id, string Name, IReadOnlyList<(int Id, string Label)> Residences);

    public sealed class JoinInput
    {
        [Required(ErrorMessage = "Choisissez votre bailleur dans la liste.")]
        public int? BailleurId { get; set; }

        [Required(ErrorMessage = "Choisissez votre résidence dans la liste.")]
        public int? ResidenceId { get; set; }

        [Required(ErrorMessage = "Saisissez votre référence de locataire.")]
        [StringLength(40, ErrorMessage = "La référence compte au plus 40 caractères.")]
        public string TenantReference { get; set; } = "";

        [Required(ErrorMessage = "Saisissez vos prénom et nom.")]
        [StringLength(100, ErrorMessage = "Le nom compte au plus 100 caractères.")]
        public string ContactName { get; set; } = "";

        [RegularExpression(ContactPatterns.Phone, ErrorMessage = ContactPatterns.PhoneMessage)]
        public string? ContactPhone { get; set; }

        public bool AcceptsProposedChains { get; set; } = true;

        [Range(typeof(bool), "true", "true", ErrorMessage = "Cochez la case pour accepter les règles de la bourse d'échanges.")]
        public bool AcceptsRules { get; set; }
    }
}
