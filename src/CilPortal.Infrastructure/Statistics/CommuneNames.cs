using CilPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CilPortal.Infrastructure.Statistics;

/// <summary>
/// The names of the territory's communes by INSEE code, read once per data version (a commune saved changes
/// <see cref="StatisticsVersion"/>) rather than at every page that names a commune.
/// </summary>
public sealed class CommuneNames(CilPortalDbContext db, IMemoryCache cache, StatisticsVersion version)
{
    public async Task<IReadOnlyDictionary<string, string>> AllAsync(CancellationToken cancellationToken) =>
        await cache.GetOrComputeOnceAsync(("commune-names", version.Current), TimeSpan.FromHours(6), async () =>
            (IReadOnlyDictionary<string, string>)await db.Communes.AsNoTracking().ToDictionaryAsync(c => c.InseeCode, c => c.Name, CancellationToken.None), cancellationToken);
}
