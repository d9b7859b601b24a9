using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Statistics;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CilPortal.Web.Pages;

public sealed record TerritoryFigures(int Communes, int Qpvs, int ReceptionPoints, int Dwellings, int ActiveDemands, int LeasesLastYear);

public class IndexModel(CilPortalDbContext db, BrandingOptions branding, ParisClock clock, IMemoryCache cache, StatisticsVersion version) : PageModel
{
    public string EpciName => branding.EpciName;

    public TerritoryFigures Figures { get; private set; } = new(0, 0, 0, 0, 0, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Counting 100,000 demands takes milliseconds: once per data version and day (communes, QPV and reception
        // points change rarely, hence the 5 minutes).
        var today = clock.Today;
        Figures = await cache.GetOrComputeOnceAsync(("home-figures", version.Current, today), TimeSpan.FromMinutes(5), async () =>
        {
            var yearAgo = today.AddYears(-1);
            return new TerritoryFigures(
                await db.Communes.CountAsync(CancellationToken.None),
                await db.Qpvs.CountAsync(CancellationToken.None),
                await db.ReceptionPoints.CountAsync(CancellationToken.None),
                await db.Dwellings.CountAsync(CancellationToken.None),
                await db.Demands.ActiveOn(today).CountAsync(CancellationToken.None),
                await db.Allocations.CountAsync(a => a.LeaseSignedOn >= yearAgo, CancellationToken.None));
        }, cancellationToken);
    }
}
