using CilPortal.Domain.Allocations;
using CilPortal.Infrastructure.Allocations;
using CilPortal.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CilPortal.Web.Pages.Gestion.Epci.Cia;

/// <summary>
/// The allocations behind a figure of the CIA dashboard, pseudonymised (an allocation number, never a name or a
/// demand number): lease date, bailleur, contingent, commune, QPV, typology, quartile and priority.
/// </summary>
public class AttributionsModel(CiaDashboardService dashboard, ParisClock clock) : PageModel
{
    public CiaDashboardData Data { get; private set; } = null!;

    public CiaDrillDown Filter { get; private set; } = new(null, false, null, null, null);

    public IReadOnlyList<CiaAllocationRow> Rows { get; private set; } = [];

    /// <summary>What the list is, in words (« Hors QPV — bailleur X »).</summary>
    public string Description { get; private set; } = "";

    public async Task OnGetAsync(int? annee, string? indicateur, int? atteint, int? bailleur, int? secteur, int? reservataire, CancellationToken cancellationToken)
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
        Rows = await dashboard.AllocationsAsync(Data, Filter, cancellationToken);

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
}
