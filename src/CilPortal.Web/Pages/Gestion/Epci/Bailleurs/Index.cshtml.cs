using System.ComponentModel.DataAnnotations;
using CilPortal.Domain.Partners;
using CilPortal.Infrastructure.Data;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using BailleurEntity = CilPortal.Domain.Partners.Bailleur;

namespace CilPortal.Web.Pages.Gestion.Epci.Bailleurs;

/// <summary>
/// The bailleurs of the territory: list, creation and change (name, kind, SIREN). No deletion: stock, allocations
/// and staff accounts refer to them.
/// </summary>
public class IndexModel(CilPortalDbContext db, CilPortal.Infrastructure.Audit.AuditLog audit) : PageModel
{
    [BindProperty]
    public BailleurInput Input { get; set; } = new();

    public IReadOnlyList<BailleurEntity> Bailleurs { get; private set; } = [];

    public async Task OnGetAsync(int? modifier, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (modifier is { } id && Bailleurs.FirstOrDefault(b => b.Id == id) is { } bailleur)
        {
            Input = new BailleurInput { Id = bailleur.Id, RowVersion = bailleur.RowVersion, Name = bailleur.Name, Kind = bailleur.Kind, Siren = bailleur.Siren };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var name = Input.Name?.Trim() ?? "";
        if (name.Length > 0 && Bailleurs.Any(b => b.Id != Input.Id && string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError("Input.Name", "Un autre bailleur porte déjà ce nom.");
        }

        if (Input.Kind is { } kind && !Enum.IsDefined(kind))
        {
            ModelState.AddModelError("Input.Kind", "Choisissez le type de bailleur dans la liste.");
        }

        var siren = Input.Siren?.Replace(" ", "", StringComparison.Ordinal).Trim();
        if (!string.IsNullOrEmpty(siren) && !PartnerLabels.IsValidSiren(siren))
        {
            ModelState.AddModelError("Input.Siren", "Le SIREN compte 9 chiffres et sa clé de contrôle doit être juste : vérifiez-le.");
        }

        BailleurEntity? bailleur = null;
        if (Input.Id is { } id && (bailleur = await db.Bailleurs.SingleOrDefaultAsync(b => b.Id == id, cancellationToken)) is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (bailleur is not null && !db.ExpectVersion(bailleur, Input.RowVersion))
        {
            ModelState.AddModelError(string.Empty, Concurrency.Message);
            return Page();
        }

        var before = bailleur is null ? null : new { nom = bailleur.Name, type = bailleur.Kind.ToString(), siren = bailleur.Siren };
        if (bailleur is null)
        {
            bailleur = new BailleurEntity();
            db.Bailleurs.Add(bailleur);
        }

        bailleur.Name = name;
        bailleur.Kind = Input.Kind!.Value;
        bailleur.Siren = string.IsNullOrEmpty(siren) ? null : siren;
        audit.Add(HttpContext.Actor(), CilPortal.Infrastructure.Audit.AuditActions.Bailleur, $"Bailleur « {name} » enregistré.", "bailleur", Input.Id?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            before, new { nom = bailleur.Name, type = bailleur.Kind.ToString(), siren = bailleur.Siren });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            ModelState.AddModelError("Input.Name", "Un autre bailleur porte déjà ce nom.");
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, Concurrency.Message);
            return Page();
        }

        TempData["Message"] = $"Le bailleur « {name} » est enregistré.";
        return Redirect("/gestion/epci/bailleurs");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Bailleurs = await db.Bailleurs.AsNoTracking().OrderBy(b => b.Name).ToListAsync(cancellationToken);

    public sealed class BailleurInput
    {
        public int? Id { get; set; }

        /// <summary>The version the form was drawn from (hidden field): a save from an older one is refused.</summary>
        public int? RowVersion { get; set; }

        [Display(Name = "nom")]
        [Required(ErrorMessage = "Donnez le nom du bailleur.")]
        [StringLength(150, ErrorMessage = "Le nom ne doit pas dépasser 150 caractères.")]
        public string? Name { get; set; }

        [Display(Name = "type")]
        [Required(ErrorMessage = "Choisissez le type de bailleur.")]
        public BailleurKind? Kind { get; set; }

        [Display(Name = "SIREN")]
        [StringLength(11, ErrorMessage = "Le SIREN compte 9 chiffres.")]
        public string? Siren { get; set; }
    }
}
