using CilPortal.Domain.Allocations;
using CilPortal.Infrastructure.Allocations;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Time;
using CilPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Bailleur;

/// <summary>
/// "Mes objectifs": the bailleur's CIA indicators for a year, computed by <see cref="CiaIndicatorCalculator"/>
/// over its classified leases — the same computation as the EPCI's dashboard, restricted to this bailleur.
/// </summary>
public class ObjectifsModel(CilPortalDbContext db, CiaClassificationService classification, ParisClock clock) : BailleurPageModel
{
    public int Year { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public CiaYearIndicators Indicators { get; private set; } = null!;

    public CiaYearSettings Settings { get; private set; } = new();

    public IReadOnlyDictionary<int, string> ReservataireNames { get; private set; } = new Dictionary<int, string>();

    public bool YearIsOver => clock.Today > new DateOnly(Year, 12, 31);

    public async Task OnGetAsync(int? annee, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        Years = ReportingYears.Recent(today);
        Year = annee is { } year && Years.Contains(year) ? year : today.Year;
        Settings = await classification.SettingsAsync(Year, cancellationToken);
        var counted = await classification.CountedAsync(Year, BailleurId, cancellationToken);
        Indicators = CiaIndicatorCalculator.Compute(Year, today, counted, Settings.Targets);
        ReservataireNames = await db.Reservataires.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
    }
}
