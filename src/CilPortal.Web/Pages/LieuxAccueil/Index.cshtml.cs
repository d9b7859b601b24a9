using CilPortal.Domain.Information;
using CilPortal.Domain.Partners;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Statistics;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.LieuxAccueil;

public sealed record ReceptionPointCard(int Id, string Name, string Address, string PostalCode, string CommuneName, IReadOnlyList<string> Services, bool IsOpenNow, string? ClosureReason);

/// <summary>The reception points, filtered by commune and service, with "ouvert maintenant" in Europe/Paris time.</summary>
public class IndexModel(CilPortalDbContext db, CommuneNames communeNames, ParisClock clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "commune")]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true, Name = "service")]
    public string? Service { get; set; }

    public IReadOnlyList<ReceptionPointCard> Places { get; private set; } = [];

    public IReadOnlyList<CommuneOption> Communes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.Now;
        var today = DateOnly.FromDateTime(now);
        var points = await db.ReceptionPoints.AsNoTracking()
            .Include(r => r.OpeningSlots)
            .Include(r => r.Closures.Where(c => c.To >= today))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var names = await communeNames.AllAsync(cancellationToken);
        Communes = [.. points.Select(p => p.CommuneInseeCode).Distinct()
            .Select(code => new CommuneOption(code, names.GetValueOrDefault(code, code)))
            .OrderBy(c => c.Name, CommuneNames.FrenchOrder)];

        var service = ReceptionServiceLabels.FromKey(Service);
        Places = [.. points
            .Where(p => string.IsNullOrEmpty(Commune) || p.CommuneInseeCode == Commune)
            .Where(p => service is null || p.Services.HasFlag(service.Value))
            .Select(p => new ReceptionPointCard(
                p.Id, p.Name, p.Address, p.PostalCode, names.GetValueOrDefault(p.CommuneInseeCode, p.CommuneInseeCode),
                [.. ReceptionServiceLabels.Of(p.Services)],
                OpeningHours.IsOpenAt(p.OpeningSlots, p.Closures, now),
                OpeningHours.ClosureOn(p.Closures, today)?.Reason))
            .OrderBy(p => p.CommuneName, CommuneNames.FrenchOrder).ThenBy(p => p.Name, CommuneNames.FrenchOrder)];
    }
}
