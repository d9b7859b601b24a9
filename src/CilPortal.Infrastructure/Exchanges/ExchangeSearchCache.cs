using CilPortal.Infrastructure.Statistics;
using Microsoft.Extensions.Caching.Memory;

namespace CilPortal.Infrastructure.Exchanges;

/// <summary>A listing that meets a search's filters, in the search's order, with its member (each viewer's own is left out).</summary>
public readonly record struct SearchMatch(int ListingId, int MemberId);

/// <summary>
/// The listings that meet a search's filters, newest first, up to what the search counts: kept per filter for the
/// exchange data version (<see cref="ExchangeVersion"/>) and at most <see cref="Lifetime"/>, shared by every member who
/// searches the same (issue #11: the count and the page were a third of the search's CPU on 50,000 listings). Each
/// search then leaves its viewer's own listing out and reads the twenty listings of its page by their numbers, visible
/// ones only: a listing hidden since (a member paused, a listing suspended) never shows, even from another instance of
/// the portal whose saves this one does not see; what such an instance publishes appears here within the lifetime.
/// A cache of its own, limited in entries, since the filters come from the address: a visitor varying them cannot fill the
/// portal's memory.
/// </summary>
public sealed class ExchangeSearchCache(ExchangeVersion version) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>Filters kept at once; beyond, the oldest go (an entry holds up to 1,002 pairs of numbers, 8 KB).</summary>
    public const int MaxEntries = 2_000;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries, CompactionPercentage = 0.25 });

    /// <param name="compute">Reads the matches; runs once for the callers of a filter that find it missing.</param>
    public Task<IReadOnlyList<SearchMatch>> GetOrComputeAsync(ListingFilter filter, Func<Task<IReadOnlyList<SearchMatch>>> compute, CancellationToken cancellationToken)
    {
        // The token before the version: a change in between only makes the new entry expire at once.
        var expiresWhen = version.ChangeToken;
        return cache.GetOrComputeOnceAsync((filter, version.Current), Lifetime, compute, expiresWhen, size: 1, cancellationToken);
    }

    public void Dispose() => cache.Dispose();
}
