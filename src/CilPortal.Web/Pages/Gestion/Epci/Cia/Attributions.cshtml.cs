using System.Globalization;
using CilPortal.Domain.Allocations;
using CilPortal.Infrastructure.Allocations;
using CilPortal.Infrastructure.Time;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CilPortal.Web.Pages.Gestion.Epci.Cia;

/// <summary>
/// The allocations behind a figure of the CIA dashboard, pseudonymised (an allocation number, never a name or a
/// demand number): lease date, bailleur, contingent, commune, QPV, typology, quartile and priority; <see cref="PageSize"/>
/// a page (a metropolis signs 10,000 leases a year: one page of them all was 5 MB of HTML, issue #11).
/// </summary>
public class AttributionsModel(CiaDashboardService dashboard, ParisClock clock) : PageModel
{
    public const int PageSize = 100;

    public CiaDashboardData Data { get; private set; } = null!;

    public CiaDrillDown Filter { get; private set; } = new(null, false, null, null, null);

    /// <summary>The rows of the shown page.</summary>
    public IReadOnlyList<CiaAllocationRow> Rows { get; private set; } = [];

    public Pagination Pages { get; private set; } = null!;

    /// <summary>What the list is, in words (« Hors QPV — bailleur X »).</summary>
    public string Description { get; private set; } = "";

    // The page number from the query string only: Razor Pages keeps the page's own path in the route value « page ».
    public async Task OnGetAsync(int? annee, string? indicateur, int? atteint, int? bailleur, int? secteur, int? reservataire, [FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var years = CiaYears.Selectable(today);
        var year = annee is { } chosen && years.Contains(chosen) ? chosen : today.Year;
        Data = await dashboard.LoadAsync(year, today, cancellationToken);
        var indicator = Enum.TryParse<CiaIndicatorKind>(indicateur, ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : (CiaIndicatorKind?)null;
        Filter = new CiaDrillDown(
            indicator,
            atteint == 1 && indicator is not null,
            bailleur is { } b && Data.BailleurNames.ContainsKey(b) ? b : null,
            secteur is { } s && Data.Sectors.Sectors.Any(x => x.Id == s) ? s : null,
            reservataire is { } r && Data.ReservataireNames.ContainsKey(r) ? r : null);
        var rows = await dashboard.AllocationsAsync(Data, Filter, cancellationToken);
        Pages = Pagination.Of(pageNumber, rows.Count, PageSize, PageLink);
        Rows = Pages.Slice(rows);

        var parts = new List<string>();
        if (Filter.Indicator is { } k)
        {
            parts.Add(CiaWhatIf.Label(k) + (Filter.OnlyMet ? " (répondant à l'objectif)" : ""));
        }

        if (Filter.BailleurId is { } bid)
        {
            parts.Add($"bailleur {Data.BailleurNames[bid]}");
        }

        if (Filter.SectorId is { } sid)
        {
            parts.Add($"secteur {Data.Sectors.Sectors.Single(x => x.Id == sid).Name}");
        }

        if (Filter.ReservataireId is { } rid)
        {
            parts.Add($"réservataire {Data.ReservataireNames[rid]}");
        }

        Description = parts.Count == 0 ? "toutes les attributions comptées" : string.Join(" — ", parts);
    }

    /// <summary>Another page of the same list.</summary>
    private string PageLink(int page) => "/gestion/epci/cia/attributions" + QueryString.Create(new Dictionary<string, string?>
    {
        ["annee"] = Data.Year.ToString(CultureInfo.InvariantCulture),
        ["indicateur"] = Filter.Indicator?.ToString(),
        ["atteint"] = Filter.OnlyMet ? "1" : null,
        ["bailleur"] = Filter.BailleurId?.ToString(CultureInfo.InvariantCulture),
        ["secteur"] = Filter.SectorId?.ToString(CultureInfo.InvariantCulture),
        ["reservataire"] = Filter.ReservataireId?.ToString(CultureInfo.InvariantCulture),
        ["page"] = page.ToString(CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null)).ToUriComponent();
}
