using CilPortal.Domain.Eligibility;
using CilPortal.Domain.Territory;
using CilPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CilPortal.Infrastructure.Statistics;

/// <summary>
/// The income-ceiling scales, read once per data version (a scale saved changes <see cref="StatisticsVersion"/>) rather
/// than at every simulation; ten minutes at most, so that another instance of the portal sees an edit soon.
/// The scales returned are shared between requests: read them, never change them.
/// </summary>
public sealed class IncomeCeilings(CilPortalDbContext db, IMemoryCache cache, StatisticsVersion version)
{
    public async Task<IReadOnlyList<IncomeCeilingScale>> ForAsync(IncomeCeilingZone zone, int year, CancellationToken cancellationToken)
    {
        var changed = version.ChangeToken;
        var all = await cache.GetOrComputeOnceAsync(("income-ceilings", version.Current), TimeSpan.FromMinutes(10), async () =>
            (await db.IncomeCeilingScales.AsNoTracking().ToListAsync(CancellationToken.None))
                .ToLookup(s => (s.Zone, s.EffectiveFrom.Year)), changed, cancellationToken);
        return [.. all[(zone, year)]];
    }
}
