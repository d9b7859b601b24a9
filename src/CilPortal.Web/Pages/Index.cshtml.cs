using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Data;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CilPortal.Web.Pages;

public sealed record TerritoryFigures(int Communes, int Qpvs, int ReceptionPoints, int Dwellings, int ActiveDemands, int LeasesLastYear);

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = CilPortal.Web.Infrastructure.PublicPageCache.Policy)]
public class IndexModel(CilPortalDbContext db, BrandingOptions branding, ParisClock clock, IMemoryCache cache, CilPortal.Infrastructure.Statistics.StatisticsVersion version) : PageModel
{
    public string EpciName => branding.EpciName;

    public TerritoryFigures Figures { get; private set; } = new(0, 0, 0, 0, 0, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Counting 100,000 demands takes milliseconds: once per data version and day (communes, QPV and reception
        // points change rarely, hence the 5 minutes).
        var today = clock.Today;
        Figures = (await cache.GetOrCreateAsync(("home-figures", version.Current, today), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
            var yearAgo = today.AddYears(-1);
            return new TerritoryFigures(
                await db.Communes.CountAsync(cancellationToken),
                await db.Qpvs.CountAsync(cancellationToken),
                await db.ReceptionPoints.CountAsync(cancellationToken),
                await db.Dwellings.CountAsync(cancellationToken),
                await db.Demands.ActiveOn(today).CountAsync(cancellationToken),
                await db.Allocations.CountAsync(a => a.LeaseSignedOn >= yearAgo, cancellationToken));
        }))!;
    }
}
