using System.Linq.Expressions;
using CilPortal.Domain.Exchanges;
using CilPortal.Domain.Stock;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CilPortal.Infrastructure.Exchanges;

/// <summary>A listing as other tenants see it: a pseudonym, never a name, an address or a contact.</summary>
public sealed record ListingSummary(
    int Id,
    string Pseudonym,
    string CommuneInseeCode,
    string CommuneName,
    bool IsInQpv,
    Typology Typology,
    decimal Surface,
    decimal RentWithCharges,
    int Floor,
    bool HasLift,
    Accessibility Accessibility,
    bool HasOutdoorSpace,
    bool HasParking,
    HeatingKind Heating,
    int? FirstPhotoId,
    int PhotoCount);

/// <summary>What the marketplace's presentation says of it: the listings online and the communes they are in.</summary>
public sealed record MarketplaceFigures(int Listings, int Communes);

/// <summary>The filters of the listing search; null means « any ».</summary>
public sealed record ListingFilter(string? CommuneInseeCode = null, Typology? Typology = null, decimal? MaxRentWithCharges = null, decimal? MinSurface = null, bool? InQpv = null, bool AccessibleOnly = false, bool OutdoorSpaceOnly = false);

/// <summary>Read-side queries of the marketplace, shaped for the member's pages.</summary>
public sealed class ExchangeQueries(CilPortalDbContext db, CommuneNames communeNames, ExchangeSearchCache searchCache, IMemoryCache cache, ExchangeVersion version)
{
    public const int PageSize = 20;

    /// <summary>How long the marketplace's figures are kept at most: a change through this instance renews them at once.</summary>
    public static readonly TimeSpan FiguresLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The visible listings and their communes, counted over every listing (50,000 on the benchmark territory: 55 ms), so
    /// shared between visitors per exchange data version (issue #11).
    /// </summary>
    public Task<MarketplaceFigures> FiguresAsync(CancellationToken cancellationToken = default) =>
        cache.GetOrComputeOnceAsync(
            ("exchange-marketplace-figures", version.Current),
            FiguresLifetime,
            async () => new MarketplaceFigures(
                await Visible().CountAsync(CancellationToken.None),
                await Visible().Select(l => l.Member!.Residence!.CommuneInseeCode).Distinct().CountAsync(CancellationToken.None)),
            version.ChangeToken,
            cancellationToken);

    /// <summary>Results are counted up to this number; beyond, the search says « plus de 1 000 » and asks for more criteria
    /// (counting 50,000 listings at every request cost 80 ms; no one reads past page 50).</summary>
    public const int MaxCounted = 1_000;

    /// <summary>Published listings of active members other than <paramref name="viewerMemberId"/>, newest first.</summary>
    /// <remarks>
    /// The search is the marketplace's busiest page (issue #11). The listings that meet its filters, up to what it counts,
    /// are shared by every viewer (<see cref="ExchangeSearchCache"/>, read again when the exchange data changes); each
    /// search leaves out its viewer's own listing, counts what remains and reads its page's twenty listings by their
    /// numbers, visible ones only; a page past those counted (only typed in the address) is empty. The queries
    /// are compiled, their absent filters null parameters: EF Core drops such a condition from the SQL (one SQL text per
    /// pattern of null parameters) and no longer walks and hashes the expressions at each run.
    /// </remarks>
    public async Task<(IReadOnlyList<ListingSummary> Items, int Total)> SearchAsync(int viewerMemberId, ListingFilter filter, int page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var commune = string.IsNullOrEmpty(filter.CommuneInseeCode) ? null : filter.CommuneInseeCode;
        bool? accessible = filter.AccessibleOnly ? true : null;
        bool? outdoor = filter.OutdoorSpaceOnly ? true : null;
        var matches = await searchCache.GetOrComputeAsync(
            filter with { CommuneInseeCode = commune },
            async () => await MatchesOf(db, commune, filter.Typology, filter.MaxRentWithCharges, filter.MinSurface, filter.InQpv, accessible, outdoor, MaxCounted + 2).ToListAsync(CancellationToken.None),
            cancellationToken);

        // Read up to two more than counted, so that without the viewer's own listing one more than counted remains. A
        // page past those (the search offers none: it asks for more criteria) is empty.
        var others = matches.Where(m => m.MemberId != viewerMemberId).ToList();
        var ids = others.Skip(Math.Max(0, page - 1) * PageSize).Take(PageSize).Select(m => m.ListingId).ToArray();
        var found = ids.Length == 0 ? [] : (await VisibleSummariesOf(db, ids).ToListAsync(cancellationToken)).ToDictionary(s => s.Id);
        return (await NamedAsync([.. ids.Where(found.ContainsKey).Select(id => found[id])], cancellationToken), Math.Min(others.Count, MaxCounted + 1));
    }

    /// <summary>What other members may see: published listings of verified members who are not paused.</summary>
    private static readonly Expression<Func<ExchangeListing, bool>> IsVisible = l => l.Status == ListingStatus.Published && l.Member!.Status == MemberStatus.Verified && l.Member.PausedAt == null;

    /// <summary>
    /// A listing as the member's pages show it; its <see cref="ListingSummary.CommuneName"/> is empty until
    /// <see cref="NamedAsync"/> puts the commune's name from memory (a closure-free expression: compiled queries use it too).
    /// </summary>
    private static readonly Expression<Func<ExchangeListing, ListingSummary>> Summary = l => new ListingSummary(
        l.Id,
        l.Member!.Pseudonym,
        l.Member.Residence!.CommuneInseeCode,
        "",
        l.Member.Residence.QpvCode != null,
        l.Typology,
        l.Surface,
        l.Rent + l.Charges,
        l.Floor,
        l.HasLift,
        l.Accessibility,
        l.HasOutdoorSpace,
        l.HasParking,
        l.Heating,
        l.Photos.OrderBy(p => p.Position).Select(p => (int?)p.Id).FirstOrDefault(),
        l.Photos.Count);

    // The residence's conditions are subqueries rather than navigations, so that the matches without them do not join the
    // residences (0.3 ms more on 50,000 listings).
    private static readonly Func<CilPortalDbContext, string?, Typology?, decimal?, decimal?, bool?, bool?, bool?, int, IAsyncEnumerable<SearchMatch>> MatchesOf = EF.CompileAsyncQuery(
        (CilPortalDbContext db, string? commune, Typology? typology, decimal? maxRent, decimal? minSurface, bool? inQpv, bool? accessible, bool? outdoor, int limit) =>
            db.ExchangeListings
                .Where(IsVisible)
                .Where(l => (commune == null || db.Residences.Any(r => r.Id == l.Member!.ResidenceId && r.CommuneInseeCode == commune))
                    && (typology == null || l.Typology == typology)
                    && (maxRent == null || l.Rent + l.Charges <= maxRent)
                    && (minSurface == null || l.Surface >= minSurface)
                    && (inQpv == null || db.Residences.Any(r => r.Id == l.Member!.ResidenceId && (r.QpvCode != null) == inQpv))
                    && (accessible == null || l.Accessibility != Accessibility.None)
                    && (outdoor == null || l.HasOutdoorSpace))
                .OrderByDescending(l => l.PublishedAt).ThenByDescending(l => l.Id)
                .Take(limit)
                .Select(l => new SearchMatch(l.Id, l.MemberId)));

    /// <summary>The page's listings by their numbers, those still visible only (the matches may come from the cache).</summary>
    /// <remarks>
    /// Visibility is checked in a subquery on the listing's own number: with it on the listing itself, SQLite (without
    /// statistics) reads the listings through the status index and tests every published one against the numbers —
    /// 48,000 rows and 3 ms on the metropolis instead of twenty lookups by number.
    /// </remarks>
    private static readonly Func<CilPortalDbContext, int[], IAsyncEnumerable<ListingSummary>> VisibleSummariesOf = EF.CompileAsyncQuery(
        (CilPortalDbContext db, int[] ids) => db.ExchangeListings.AsNoTracking()
            .Where(l => ids.Contains(l.Id) && db.ExchangeListings.Where(IsVisible).Any(v => v.Id == l.Id))
            .Select(Summary));

    /// <summary>The listings of these numbers that are visible (« Compatibles avec moi », favourites), read by number.</summary>
    public async Task<IReadOnlyList<ListingSummary>> SummariesAsync(IReadOnlyCollection<int> listingIds, CancellationToken cancellationToken = default) =>
        listingIds.Count == 0 ? [] : await NamedAsync(await VisibleSummariesOf(db, [.. listingIds]).ToListAsync(cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<ListingSummary>> FavouritesAsync(int memberId, CancellationToken cancellationToken = default)
    {
        var ids = await db.ExchangeFavourites.Where(f => f.MemberId == memberId).OrderByDescending(f => f.CreatedAt).Select(f => f.ListingId).ToListAsync(cancellationToken);
        var items = await SummariesAsync(ids, cancellationToken);
        return [.. ids.Select(id => items.FirstOrDefault(i => i.Id == id)).OfType<ListingSummary>()];
    }

    /// <summary>The member's own listing alone, whatever its status: its wish scores the listings the member looks at.</summary>
    public Task<ExchangeListing?> OwnListingAsync(int memberId, CancellationToken cancellationToken = default) =>
        OwnListingOf(db, memberId, cancellationToken);

    /// <summary>Compiled: read at every page of search results and every view of a listing (issue #11).</summary>
    private static readonly Func<CilPortalDbContext, int, CancellationToken, Task<ExchangeListing?>> OwnListingOf = EF.CompileAsyncQuery(
        (CilPortalDbContext db, int memberId, CancellationToken _) => db.ExchangeListings.AsNoTracking().FirstOrDefault(l => l.MemberId == memberId));

    public async Task<HashSet<int>> FavouriteIdsAsync(int memberId, CancellationToken cancellationToken = default) =>
        [.. await FavouriteIdsOf(db, memberId).ToListAsync(cancellationToken)];

    /// <summary>Compiled: read at every page of search results.</summary>
    private static readonly Func<CilPortalDbContext, int, IAsyncEnumerable<int>> FavouriteIdsOf = EF.CompileAsyncQuery<CilPortalDbContext, int, int>(
        (CilPortalDbContext db, int memberId) => db.ExchangeFavourites.Where(f => f.MemberId == memberId).Select(f => f.ListingId));

    /// <summary>Every listing the matching engine considers: published, of verified members who are not paused.</summary>
    public async Task<IReadOnlyList<ExchangeCandidate>> CandidatesAsync(bool onlyThoseAcceptingProposedChains = false, CancellationToken cancellationToken = default)
    {
        var query = Visible();
        if (onlyThoseAcceptingProposedChains)
        {
            query = query.Where(l => l.Member!.AcceptsProposedChains);
        }

        var rows = await query.AsNoTracking()
            .Select(l => new { Listing = l, l.Member!.BailleurId, l.Member.Residence!.CommuneInseeCode, InQpv = l.Member.Residence.QpvCode != null })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => r.Listing.ToCandidate(r.BailleurId, r.CommuneInseeCode, r.InQpv))];
    }

    private IQueryable<ExchangeListing> Visible() => db.ExchangeListings.AsNoTracking().Where(IsVisible);

    private async Task<IReadOnlyList<ListingSummary>> NamedAsync(List<ListingSummary> items, CancellationToken cancellationToken)
    {
        var names = await communeNames.AllAsync(cancellationToken);
        return [.. items.Select(i => i with { CommuneName = names.GetValueOrDefault(i.CommuneInseeCode, i.CommuneInseeCode) })];
    }
}
