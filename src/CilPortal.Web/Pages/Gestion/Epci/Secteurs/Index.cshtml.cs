using System.ComponentModel.DataAnnotations;
using CilPortal.Domain.Allocations;
using CilPortal.Domain.Territory;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Statistics;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Epci.Secteurs;

/// <summary>
/// The sectors of the CIA: groups of communes and QPV over which the convention's targets are followed. An
/// allocation counts in a sector when its commune or its QPV belongs to it.
/// </summary>
public class IndexModel(CilPortalDbContext db, CommuneNames communeNames, StatisticsVersion version, CilPortal.Infrastructure.Audit.AuditLog audit) : PageModel
{
    public sealed record SectorRow(int Id, string Name, IReadOnlyList<string> Communes, IReadOnlyList<string> Qpvs);

    [BindProperty]
    public SectorInput Input { get; set; } = new();

    public IReadOnlyList<SectorRow> Sectors { get; private set; } = [];

    public IReadOnlyList<CommuneOption> Communes { get; private set; } = [];

    public IReadOnlyList<(string Code, string Name)> Qpvs { get; private set; } = [];

    public async Task OnGetAsync(int? modifier, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (modifier is { } id && await db.Sectors.AsNoTracking().Include(s => s.Communes).Include(s => s.Qpvs).SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is { } sector)
        {
            Input = new SectorInput { Id = sector.Id, RowVersion = sector.RowVersion, Name = sector.Name, Communes = [.. sector.Communes.Select(c => c.CommuneInseeCode)], Qpvs = [.. sector.Qpvs.Select(q => q.QpvCode)] };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var name = Input.Name?.Trim() ?? "";
        if (Sectors.Any(s => s.Id != Input.Id && string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError("Input.Name", "Un autre secteur porte déjà ce nom.");
        }

        var communes = Input.Communes.Where(c => Communes.Any(k => k.InseeCode == c)).Distinct().ToList();
        var qpvs = Input.Qpvs.Where(q => Qpvs.Any(k => k.Code == q)).Distinct().ToList();
        if (communes.Count + qpvs.Count == 0)
        {
            ModelState.AddModelError("Input.Communes", "Un secteur compte au moins une commune ou un quartier prioritaire.");
        }

        Sector? sector = null;
        if (Input.Id is { } id && (sector = await db.Sectors.Include(s => s.Communes).Include(s => s.Qpvs).SingleOrDefaultAsync(s => s.Id == id, cancellationToken)) is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (sector is not null && !db.ExpectVersion(sector, Input.RowVersion))
        {
            ModelState.AddModelError(string.Empty, Concurrency.Message);
            return Page();
        }

        var before = sector is null ? null : new { nom = sector.Name, communes = sector.Communes.Select(c => c.CommuneInseeCode).Order(StringComparer.Ordinal).ToList(), qpv = sector.Qpvs.Select(q => q.QpvCode).Order(StringComparer.Ordinal).ToList() };
        if (sector is null)
        {
            sector = new Sector();
            db.Sectors.Add(sector);
        }

        sector.Name = name;
        sector.Communes.RemoveAll(c => !communes.Contains(c.CommuneInseeCode));
        sector.Communes.AddRange(communes.Where(c => sector.Communes.All(x => x.CommuneInseeCode != c)).Select(c => new SectorCommune { CommuneInseeCode = c }));
        sector.Qpvs.RemoveAll(q => !qpvs.Contains(q.QpvCode));
        sector.Qpvs.AddRange(qpvs.Where(q => sector.Qpvs.All(x => x.QpvCode != q)).Select(q => new SectorQpv { QpvCode = q }));
        audit.Add(HttpContext.Actor(), CilPortal.Infrastructure.Audit.AuditActions.Sector, $"Secteur « {name} » enregistré.", "secteur", Input.Id?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            before, new { nom = name, communes = communes.Order(StringComparer.Ordinal).ToList(), qpv = qpvs.Order(StringComparer.Ordinal).ToList() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            ModelState.AddModelError("Input.Name", "Un autre secteur porte déjà ce nom.");
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, Concurrency.Message);
            return Page();
        }

        TempData["Message"] = $"Le secteur « {name} » est enregistré.";
        return Redirect("/gestion/epci/secteurs");
    }

    /// <summary>Deletes a sector and the CIA rates the EPCI had given it.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.CiaTargetOverrides.Where(o => o.ScopeKind == CiaScopeKind.Sector && o.ScopeId == id).ExecuteDeleteAsync(cancellationToken);
        var deleted = await db.Sectors.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            await audit.WriteAsync(HttpContext.Actor(), CilPortal.Infrastructure.Audit.AuditActions.Sector, "Secteur supprimé, avec ses objectifs propres.", "secteur", id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);

        // ExecuteDelete does not go through SaveChanges: the CIA figures kept per data version must be told.
        version.Bump();
        TempData["Message"] = deleted == 0 ? "Ce secteur n'existe plus." : "Le secteur est supprimé.";
        return Redirect("/gestion/epci/secteurs");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Communes = await communeNames.InFrenchOrderAsync(cancellationToken);
        var qpvs = await db.Qpvs.AsNoTracking().OrderBy(q => q.Name).Select(q => new { q.Code, q.Name }).ToListAsync(cancellationToken);
        Qpvs = [.. qpvs.Select(q => (q.Code, q.Name))];
        var names = await communeNames.AllAsync(cancellationToken);
        var qpvNames = Qpvs.ToDictionary(q => q.Code, q => q.Name);
        Sectors = [.. (await db.Sectors.AsNoTracking().Include(s => s.Communes).Include(s => s.Qpvs).AsSplitQuery().OrderBy(s => s.Name).ToListAsync(cancellationToken))
            .Select(s => new SectorRow(s.Id, s.Name,
                [.. s.Communes.Select(c => names.GetValueOrDefault(c.CommuneInseeCode, c.CommuneInseeCode)).Order(CommuneNames.FrenchOrder)],
                [.. s.Qpvs.Select(q => qpvNames.GetValueOrDefault(q.QpvCode, q.QpvCode)).Order(StringComparer.Ordinal)]))];
    }

    public sealed class SectorInput
    {
        public int? Id { get; set; }

        /// <summary>The version the form was drawn from (hidden field): a save from an older one is refused.</summary>
        public int? RowVersion { get; set; }

        [Display(Name = "nom")]
        [Required(ErrorMessage = "Donnez un nom au secteur.")]
        [StringLength(100, ErrorMessage = "Le nom ne doit pas dépasser 100 caractères.")]
        public string? Name { get; set; }

        public List<string> Communes { get; set; } = [];

        public List<string> Qpvs { get; set; } = [];
    }
}
