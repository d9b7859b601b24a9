using System.ComponentModel.DataAnnotations;
using CilPortal.Domain.Allocations;
using CilPortal.Infrastructure.Allocations;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Statistics;
using CilPortal.Infrastructure.Time;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Epci.Cia;

/// <summary>
/// The CIA rates of a year broken down by bailleur and by sector, when the convention sets them: a scope without
/// its own rates is measured against the year's (see <see cref="CiaTargetResolver"/>).
/// </summary>
public class ObjectifsModel(CilPortalDbContext db, CiaClassificationService classification, StatisticsVersion version, CilPortal.Infrastructure.Audit.AuditLog audit, ParisClock clock) : PageModel
{
    public sealed record ScopeRow(CiaScopeKind Kind, int Id, string Name, CiaTargets Targets, bool IsOwn);

    [BindProperty]
    public TargetInput Input { get; set; } = new();

    public int Year { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public CiaYearSettings Settings { get; private set; } = new();

    public IReadOnlyList<ScopeRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(int? annee, CancellationToken cancellationToken) => await LoadAsync(annee, cancellationToken);

    public async Task<IActionResult> OnPostAsync(int? annee, CancellationToken cancellationToken)
    {
        await LoadAsync(annee, cancellationToken);
        var row = Rows.SingleOrDefault(r => ScopeValue(r.Kind, r.Id) == Input.Scope);
        if (row is null)
        {
            ModelState.AddModelError("Input.Scope", "Choisissez un bailleur ou un secteur de la liste.");
        }

        var outside = Rate(Input.OutsideQpv, "Input.OutsideQpv", "hors QPV");
        var inside = Rate(Input.InQpv, "Input.InQpv", "en QPV");
        var priority = Rate(Input.Priority, "Input.Priority", "publics prioritaires");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var existing = await db.CiaTargetOverrides.SingleOrDefaultAsync(o => o.Year == Year && o.ScopeKind == row!.Kind && o.ScopeId == row.Id, cancellationToken);
        if (existing is null)
        {
            existing = new CiaTargetOverride { Year = Year, ScopeKind = row!.Kind, ScopeId = row.Id };
            db.CiaTargetOverrides.Add(existing);
        }

        var before = db.Entry(existing).State == EntityState.Added ? null : new { horsQpv = existing.OutsideQpvFirstQuartileTarget, qpv = existing.InQpvOtherQuartilesTarget, prioritaires = existing.PriorityPublicsTarget };
        existing.OutsideQpvFirstQuartileTarget = outside!.Value;
        existing.InQpvOtherQuartilesTarget = inside!.Value;
        existing.PriorityPublicsTarget = priority!.Value;
        audit.Add(HttpContext.Actor(), CilPortal.Infrastructure.Audit.AuditActions.CiaScopeTargets, $"Objectifs {Year} de {row!.Name} enregistrés.", row.Kind == CiaScopeKind.Bailleur ? "bailleur" : "secteur",
            row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), before, new { horsQpv = outside, qpv = inside, prioritaires = priority });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            ModelState.AddModelError("Input.Scope", "Ces objectifs viennent d'être enregistrés par quelqu'un d'autre : rechargez la page.");
            return Page();
        }

        TempData["Message"] = $"Les objectifs {Year} de {row!.Name} sont enregistrés.";
        return Redirect($"/gestion/epci/cia/objectifs?annee={Year}");
    }

    /// <summary>Gives a scope back the year's rates.</summary>
    public async Task<IActionResult> OnPostResetAsync(int? annee, CiaScopeKind kind, int id, CancellationToken cancellationToken)
    {
        await LoadAsync(annee, cancellationToken);
        if (await db.CiaTargetOverrides.Where(o => o.Year == Year && o.ScopeKind == kind && o.ScopeId == id).ExecuteDeleteAsync(cancellationToken) > 0)
        {
            // ExecuteDelete does not go through SaveChanges: the CIA figures kept per data version must be told.
            version.Bump();
            await audit.WriteAsync(HttpContext.Actor(), CilPortal.Infrastructure.Audit.AuditActions.CiaScopeTargets, $"Objectifs {Year} propres retirés : le périmètre reprend ceux de l'année.",
                kind == CiaScopeKind.Bailleur ? "bailleur" : "secteur", id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
        }

        TempData["Message"] = "Ce périmètre reprend les objectifs de l'année.";
        return Redirect($"/gestion/epci/cia/objectifs?annee={Year}");
    }

    /// <summary>The value of a scope in the form's list (« Bailleur-3 »).</summary>
    public static string ScopeValue(CiaScopeKind kind, int id) => $"{kind}-{id}";

    private decimal? Rate(string? text, string key, string what)
    {
        var rate = FrenchAmount.TryParse(text);
        var problem = rate is { } value ? CiaTargetResolver.CheckRate(value) : "Un taux est un pourcentage compris entre 0 et 100.";
        if (problem is not null)
        {
            ModelState.AddModelError(key, $"Objectif {what} : {char.ToLowerInvariant(problem[0])}{problem[1..]}");
            return null;
        }

        return rate;
    }

    private async Task LoadAsync(int? annee, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        Years = [.. CiaYears.Selectable(today).Prepend(today.Year + 1)];
        Year = annee is { } chosen && Years.Contains(chosen) ? chosen : today.Year;
        Settings = await classification.SettingsAsync(Year, cancellationToken);
        var overrides = await db.CiaTargetOverrides.AsNoTracking().Where(o => o.Year == Year).ToListAsync(cancellationToken);
        var resolve = CiaTargetResolver.For(Settings.Targets, overrides);
        bool Own(CiaScopeKind kind, int id) => overrides.Any(o => o.ScopeKind == kind && o.ScopeId == id);
        var bailleurs = await db.Bailleurs.AsNoTracking().OrderBy(b => b.Name).Select(b => new { b.Id, b.Name }).ToListAsync(cancellationToken);
        var sectors = await db.Sectors.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        Rows =
        [
            .. bailleurs.Select(b => new ScopeRow(CiaScopeKind.Bailleur, b.Id, b.Name, resolve(CiaScope.ForBailleur(b.Id)), Own(CiaScopeKind.Bailleur, b.Id))),
            .. sectors.Select(s => new ScopeRow(CiaScopeKind.Sector, s.Id, s.Name, resolve(CiaScope.ForSector(s.Id)), Own(CiaScopeKind.Sector, s.Id))),
        ];
    }

    public sealed class TargetInput
    {
        [Display(Name = "bailleur ou secteur")]
        [Required(ErrorMessage = "Choisissez un bailleur ou un secteur de la liste.")]
        public string? Scope { get; set; }

        [Display(Name = "objectif hors QPV")]
        public string? OutsideQpv { get; set; }

        [Display(Name = "objectif en QPV")]
        public string? InQpv { get; set; }

        [Display(Name = "objectif publics prioritaires")]
        public string? Priority { get; set; }
    }
}
