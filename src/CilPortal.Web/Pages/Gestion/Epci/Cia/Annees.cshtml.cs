using System.ComponentModel.DataAnnotations;
using CilPortal.Domain.Allocations;
using CilPortal.Infrastructure.Allocations;
using CilPortal.Infrastructure.Audit;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Time;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Epci.Cia;

/// <summary>
/// The CIA settings per year: the first-quartile threshold of the ministerial arrêté and the convention's rates.
/// Saving a year classifies again that year's leases, so every figure uses the threshold in force.
/// </summary>
public class AnneesModel(CilPortalDbContext db, CiaClassificationService classification, ParisClock clock, AuditLog audit, ILogger<AnneesModel> logger) : PageModel
{
    public IReadOnlyList<CiaYearSettings> Settings { get; private set; } = [];

    [BindProperty]
    public YearInput Input { get; set; } = new();

    public async Task OnGetAsync(int? annee, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var year = annee ?? clock.Today.Year;
        var existing = Settings.SingleOrDefault(s => s.Year == year) ?? new CiaYearSettings { Year = year };
        Input = new YearInput
        {
            Year = year,
            Threshold = existing.FirstQuartileThreshold,
            Source = existing.ThresholdSource,
            OutsideQpv = existing.OutsideQpvFirstQuartileTarget,
            InQpv = existing.InQpvOtherQuartilesTarget,
            Priority = existing.PriorityPublicsTarget,
            Situations = [.. PriorityPublicRules.All.Where(c => existing.PriorityPublicSituations.HasFlag(c))],
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.Year is { } y && (y < 2017 || y > clock.Today.Year + 1))
        {
            ModelState.AddModelError("Input.Year", $"L'année va de 2017 (loi Égalité et citoyenneté) à {clock.Today.Year + 1}.");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var year = Input.Year!.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var settings = await db.CiaYears.SingleOrDefaultAsync(s => s.Year == year, cancellationToken);
        if (settings is null)
        {
            settings = new CiaYearSettings { Year = year };
            db.CiaYears.Add(settings);
        }

        var isNew = db.Entry(settings).State == EntityState.Added;
        var before = Snapshot(settings);
        settings.FirstQuartileThreshold = Input.Threshold;
        settings.ThresholdSource = string.IsNullOrWhiteSpace(Input.Source) ? null : Input.Source.Trim();
        settings.OutsideQpvFirstQuartileTarget = Input.OutsideQpv!.Value;
        settings.InQpvOtherQuartilesTarget = Input.InQpv!.Value;
        settings.PriorityPublicsTarget = Input.Priority!.Value;
        settings.PriorityPublicSituations = Input.Situations.Where(c => PriorityPublicRules.All.Contains(c)).Aggregate(PriorityPublicCriteria.None, (all, c) => all | c);
        await db.SaveChangesAsync(cancellationToken);
        var reclassified = await classification.ApplyYearSettingsAsync(settings, cancellationToken);
        audit.Add(HttpContext.Actor(), AuditActions.CiaYear, $"Paramètres CIA {year} enregistrés ; {reclassified} bail(aux) reclassé(s).", "annee-cia",
            year.ToString(System.Globalization.CultureInfo.InvariantCulture), isNew ? null : before, Snapshot(settings));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            ModelState.AddModelError("Input.Year", $"L'année {year} vient d'être enregistrée par quelqu'un d'autre : rechargez la page.");
            await LoadAsync(cancellationToken);
            return Page();
        }

        logger.LogInformation("Paramètres CIA {Year} modifiés par {User}.", year, User.Identity?.Name);
        TempData["Message"] = $"Paramètres {year} enregistrés ; {reclassified} bail(aux) de {year} reclassé(s) avec ce seuil et cette liste de publics prioritaires.";
        return Redirect($"/gestion/epci/cia/annees?annee={year}");
    }

    private static object Snapshot(CiaYearSettings s) => new
    {
        seuil = s.FirstQuartileThreshold,
        source = s.ThresholdSource,
        tauxHorsQpv = s.OutsideQpvFirstQuartileTarget,
        tauxQpv = s.InQpvOtherQuartilesTarget,
        tauxPrioritaires = s.PriorityPublicsTarget,
        situationsPrioritaires = s.PriorityPublicSituations.ToString(),
    };

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Settings = await db.CiaYears.AsNoTracking().OrderByDescending(s => s.Year).ToListAsync(cancellationToken);

    public sealed class YearInput
    {
        [Display(Name = "année")]
        [Required(ErrorMessage = "Indiquez l'année.")]
        public int? Year { get; set; }

        [Display(Name = "seuil")]
        [Range(typeof(decimal), "1000", "50000", ErrorMessage = "Le seuil va de 1 000 à 50 000 € par unité de consommation et par an.")]
        public decimal? Threshold { get; set; }

        [Display(Name = "source")]
        [StringLength(300, ErrorMessage = "La source tient en 300 caractères.")]
        public string? Source { get; set; }

        [Display(Name = "taux hors QPV")]
        [Required(ErrorMessage = "Indiquez le taux hors QPV.")]
        [Range(typeof(decimal), "0", "100", ErrorMessage = "Un taux va de 0 à 100 %.")]
        public decimal? OutsideQpv { get; set; } = CiaTargets.Default.OutsideQpvFirstQuartile;

        [Display(Name = "taux en QPV")]
        [Required(ErrorMessage = "Indiquez le taux en QPV.")]
        [Range(typeof(decimal), "0", "100", ErrorMessage = "Un taux va de 0 à 100 %.")]
        public decimal? InQpv { get; set; } = CiaTargets.Default.InQpvOtherQuartiles;

        [Display(Name = "taux des publics prioritaires")]
        [Required(ErrorMessage = "Indiquez le taux des publics prioritaires.")]
        [Range(typeof(decimal), "0", "100", ErrorMessage = "Un taux va de 0 à 100 %.")]
        public decimal? Priority { get; set; } = CiaTargets.Default.PriorityPublics;

        /// <summary>Situations counted as priority publics this year, besides the recognised households.</summary>
        public List<PriorityPublicCriteria> Situations { get; set; } = [];
    }
}
