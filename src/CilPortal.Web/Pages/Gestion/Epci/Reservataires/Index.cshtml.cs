using System.ComponentModel.DataAnnotations;
using CilPortal.Domain.Partners;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Statistics;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Epci.Reservataires;

/// <summary>
/// The réservataires: list, creation and change. A bailleur's own flow names its bailleur, a commune's contingent
/// its commune (one of the EPCI). No deletion: allocations and CIA targets refer to them.
/// </summary>
public class IndexModel(CilPortalDbContext db, CommuneNames names, CilPortal.Infrastructure.Audit.AuditLog audit) : PageModel
{
    public sealed record ReservataireRow(int Id, string Name, ReservataireKind Kind, string? Detail);

    [BindProperty]
    public ReservataireInput Input { get; set; } = new();

    public IReadOnlyList<ReservataireRow> Reservataires { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Bailleurs { get; private set; } = [];

    public IReadOnlyList<CommuneOption> Communes { get; private set; } = [];

    public async Task OnGetAsync(int? modifier, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (modifier is { } id && await db.Reservataires.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is { } reservataire)
        {
            Input = new ReservataireInput
            {
                Id = reservataire.Id, RowVersion = reservataire.RowVersion, Name = reservataire.Name, Kind = reservataire.Kind, BailleurId = reservataire.BailleurId, CommuneInseeCode = reservataire.CommuneInseeCode,
            };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var name = Input.Name?.Trim() ?? "";
        if (name.Length > 0 && Reservataires.Any(r => r.Id != Input.Id && string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError("Input.Name", "Un autre réservataire porte déjà ce nom.");
        }

        var kind = Input.Kind;
        if (kind is { } k && !Enum.IsDefined(k))
        {
            ModelState.AddModelError("Input.Kind", "Choisissez le type de réservataire dans la liste.");
        }

        if (kind == ReservataireKind.Bailleur && !Bailleurs.Any(b => b.Id == Input.BailleurId))
        {
            ModelState.AddModelError("Input.BailleurId", "Pour le flux propre d'un bailleur, choisissez le bailleur.");
        }

        var commune = Input.CommuneInseeCode?.Trim();
        if (kind == ReservataireKind.Commune && !Communes.Any(c => c.InseeCode == commune))
        {
            ModelState.AddModelError("Input.CommuneInseeCode", "Pour le contingent d'une commune, choisissez une commune de l'intercommunalité.");
        }

        Reservataire? reservataire = null;
        if (Input.Id is { } id && (reservataire = await db.Reservataires.SingleOrDefaultAsync(r => r.Id == id, cancellationToken)) is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (reservataire is not null && !db.ExpectVersion(reservataire, Input.RowVersion))
        {
            ModelState.AddModelError(string.Empty, Concurrency.Message);
            return Page();
        }

        var before = reservataire is null ? null : new { nom = reservataire.Name, type = reservataire.Kind.ToString(), bailleur = reservataire.BailleurId, commune = reservataire.CommuneInseeCode };
        if (reservataire is null)
        {
            reservataire = new Reservataire();
            db.Reservataires.Add(reservataire);
        }

        reservataire.Name = name;
        reservataire.Kind = kind!.Value;
        reservataire.BailleurId = kind == ReservataireKind.Bailleur ? Input.BailleurId : null;
        reservataire.CommuneInseeCode = kind == ReservataireKind.Commune ? commune : null;
        audit.Add(HttpContext.Actor(), CilPortal.Infrastructure.Audit.AuditActions.Reservataire, $"Réservataire « {name} » enregistré.", "reservataire", Input.Id?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            before, new { nom = reservataire.Name, type = reservataire.Kind.ToString(), bailleur = reservataire.BailleurId, commune = reservataire.CommuneInseeCode });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            ModelState.AddModelError("Input.Name", "Un autre réservataire porte déjà ce nom.");
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, Concurrency.Message);
            return Page();
        }

        TempData["Message"] = $"Le réservataire « {name} » est enregistré.";
        return Redirect("/gestion/epci/reservataires");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var bailleurs = await db.Bailleurs.AsNoTracking().OrderBy(b => b.Name).Select(b => new { b.Id, b.Name }).ToListAsync(cancellationToken);
        Communes = await names.InFrenchOrderAsync(cancellationToken);
        Bailleurs = [.. bailleurs.Select(b => (b.Id, b.Name))];
        var bailleurNames = Bailleurs.ToDictionary(b => b.Id, b => b.Name);
        var communeNames = await names.AllAsync(cancellationToken);
        Reservataires = [.. (await db.Reservataires.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken))
            .Select(r => new ReservataireRow(r.Id, r.Name, r.Kind,
                r.BailleurId is { } b ? bailleurNames.GetValueOrDefault(b) : r.CommuneInseeCode is { } c ? communeNames.GetValueOrDefault(c, c) : null))];
    }

    public sealed class ReservataireInput
    {
        public int? Id { get; set; }

        /// <summary>The version the form was drawn from (hidden field): a save from an older one is refused.</summary>
        public int? RowVersion { get; set; }

        [Display(Name = "nom")]
        [Required(ErrorMessage = "Donnez le nom du réservataire.")]
        [StringLength(150, ErrorMessage = "Le nom ne doit pas dépasser 150 caractères.")]
        public string? Name { get; set; }

        [Display(Name = "type")]
        [Required(ErrorMessage = "Choisissez le type de réservataire.")]
        public ReservataireKind? Kind { get; set; }

        [Display(Name = "bailleur")]
        public int? BailleurId { get; set; }

        [Display(Name = "commune")]
        public string? CommuneInseeCode { get; set; }
    }
}
