using System.Collections.Frozen;
using System.Globalization;
using CilPortal.Domain.Territory;
using CilPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CilPortal.Infrastructure.Statistics;

/// <summary>A commune in a drop-down list.</summary>
public sealed record CommuneOption(string InseeCode, string Name);

/// <summary>
/// The territory's communes as pages name and list them, read once per data version (a commune saved changes
/// <see cref="StatisticsVersion"/>) rather than at every page that names a commune or offers a list of them.
/// </summary>
public sealed class CommuneNames(CilPortalDbContext db, IMemoryCache cache, StatisticsVersion version)
{
    /// <summary>French collation: a name in « É » among the E, not after the Z as in ordinal (SQL) order.</summary>
    public static readonly StringComparer FrenchOrder = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: false);

    /// <summary>Name by INSEE code.</summary>
    public async Task<IReadOnlyDictionary<string, string>> AllAsync(CancellationToken cancellationToken) =>
        (await DirectoryAsync(cancellationToken)).Names;

    /// <summary>Every commune, sorted by name in French.</summary>
    public async Task<IReadOnlyList<CommuneOption>> InFrenchOrderAsync(CancellationToken cancellationToken) =>
        (await DirectoryAsync(cancellationToken)).InFrenchOrder;

    /// <summary>The income-ceiling zone of a commune of the territory; null for a code that is not one.</summary>
    public async Task<IncomeCeilingZone?> ZoneOfAsync(string? inseeCode, CancellationToken cancellationToken) =>
        inseeCode is not null && (await DirectoryAsync(cancellationToken)).Zones.TryGetValue(inseeCode, out var zone) ? zone : null;

    private Task<Directory> DirectoryAsync(CancellationToken cancellationToken)
    {
        var changed = version.ChangeToken;
        return cache.GetOrComputeOnceAsync(("communes", version.Current), TimeSpan.FromHours(6), async () =>
        {
            var communes = await db.Communes.AsNoTracking().Select(c => new { c.InseeCode, c.Name, c.IncomeCeilingZone }).ToListAsync(CancellationToken.None);
            return new Directory(
                communes.ToFrozenDictionary(c => c.InseeCode, c => c.Name, StringComparer.Ordinal),
                [.. communes.Select(c => new CommuneOption(c.InseeCode, c.Name)).OrderBy(c => c.Name, FrenchOrder).ThenBy(c => c.InseeCode, StringComparer.Ordinal)],
                communes.ToFrozenDictionary(c => c.InseeCode, c => c.IncomeCeilingZone, StringComparer.Ordinal));
        }, changed, cancellationToken);
    }

    private sealed record Directory(IReadOnlyDictionary<string, string> Names, IReadOnlyList<CommuneOption> InFrenchOrder, IReadOnlyDictionary<string, IncomeCeilingZone> Zones);
}
