using CilPortal.Domain.Allocations;
using CilPortal.Infrastructure.Allocations;
using CilPortal.Infrastructure.Time;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CilPortal.Web.Pages.Gestion.Epci.Cia;

/// <summary>
/// The EPCI's CIA dashboard for a year (year to date while it runs): the three L441-1 indicators for the EPCI, per
/// bailleur, per sector and per réservataire, against each scope's rates, with the month-by-month trend. Every
/// filter is in the address so that a view can be shared.
/// </summary>
public class IndexModel(CiaDashboardService dashboard, ParisClock clock) : PageModel
{
    public CiaDashboardData Data { get; private set; } = null!;

    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task OnGetAsync(int? annee, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        Years = CiaYears.Selectable(today);
        var year = annee is { } chosen && Years.Contains(chosen) ? chosen : today.Year;
        Data = await dashboard.LoadAsync(year, today, cancellationToken);
    }

    /// <summary>The address of the allocations behind a figure.</summary>
    public string DrillDown(CiaIndicatorKind? indicator, bool onlyMet = false, int? bailleur = null, int? sector = null, int? reservataire = null) =>
        CiaYears.DrillDownUrl(Data.Year, indicator, onlyMet, bailleur, sector, reservataire);
}

/// <summary>The years the CIA pages offer, and the addresses between them.</summary>
public static class CiaYears
{
    public static IReadOnlyList<int> Selectable(DateOnly today) => ReportingYears.Recent(today);

    public static string DrillDownUrl(int year, CiaIndicatorKind? indicator, bool onlyMet, int? bailleur, int? sector, int? reservataire)
    {
        var query = new List<string> { $"annee={year}" };
        if (indicator is { } kind)
        {
            query.Add($"indicateur={kind}");
        }

        if (onlyMet)
        {
            query.Add("atteint=1");
        }

        if (bailleur is { } b)
        {
            query.Add($"bailleur={b}");
        }

        if (sector is { } s)
        {
            query.Add($"secteur={s}");
        }

        if (reservataire is { } r)
        {
            query.Add($"reservataire={r}");
        }

        return "/gestion/epci/cia/attributions?" + string.Join("&", query);
    }
}
