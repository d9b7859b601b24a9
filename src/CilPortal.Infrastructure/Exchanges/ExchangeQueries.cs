using CilPortal.Domain.Exchanges;
using CilPortal.Domain.Stock;
using CilPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

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

/// <summary>The filters of the listing search; null means « any ».</summary>
public sealed record ListingFilter(string? CommuneInseeCode = null, Typology? Typology = null, decimal? MaxRentWithCharges = null, decimal? MinSurface = null, bool? InQpv = null, bool AccessibleOnly = false, bool OutdoorSpaceOnly = false);

/// <summary>Read-side queries of the marketplace, shaped for the member's pages.</summary>
public sealed class ExchangeQueries(CilPortalDbContext db)
{
    public const int PageSize = 20;

    /// <summary>Results are counted up to this number; beyond, the search says « plus de 1 000 » and asks for more criteria
    /// (counting 50,000 listings at every request cost 80 ms; no one reads past page 50).</summary>
    public const int MaxCounted = 1_000;

    /// <summary>Published listings of active members other than <paramref name="viewerMemberId"/>, newest first.</summary>
    public async Task<(IReadOnlyList<ListingSummary> Items, int Total)> SearchAsync(int viewerMemberId, ListingFilter filter, int page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = Visible().Where(l => l.MemberId != viewerMemberId);
        if (!string.IsNullOrEmpty(filter.CommuneInseeCode))
        {
            query = query.Where(l => l.Member!.Residence!.CommuneInseeCode == filter.CommuneInseeCode);
        }

        if (filter.Typology is { } typology)
        {
            query = query.Where(l => l.Typology == typology);
        }

        if (filter.MaxRentWithCharges is { } maxRent)
        {
            query = query.Where(l => l.Rent + l.Charges <= maxRent);
        }

        if (filter.MinSurface is { } minSurface)
        {
            query = query.Where(l => l.Surface >= minSurface);
        }

        if (filter.InQpv is { } inQpv)
        {
            query = inQpv ? query.Where(l => l.Member!.Residence!.QpvCode != null) : query.Where(l => l.Member!.Residence!.QpvCode == null);
        }

        if (filter.AccessibleOnly)
        {
            query = query.Where(l => l.Accessibility != Accessibility.None);
        }

        if (filter.OutdoorSpaceOnly)
        {
            query = query.Where(l => l.HasOutdoorSpace);
        }

        var total = await query.Take(MaxCounted + 1).CountAsync(cancellationToken);
        var items = await Project(query.OrderByDescending(l => l.PublishedAt).ThenByDescending(l => l.Id).Skip(Math.Max(0, page - 1) * PageSize).Take(PageSize))
            .ToListAsync(cancellationToken);
        return (items, total);
    }

    public async Task<IReadOnlyList<ListingSummary>> SummariesAsync(IReadOnlyCollection<int> listingIds, CancellationToken cancellationToken = default) =>
        await Project(Visible().Where(l => listingIds.Contains(l.Id))).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ListingSummary>> FavouritesAsync(int memberId, CancellationToken cancellationToken = default)
    {
        var ids = await db.ExchangeFavourites.Where(f => f.MemberId == memberId).OrderByDescending(f => f.CreatedAt).Select(f => f.ListingId).ToListAsync(cancellationToken);
        var items = await SummariesAsync(ids, cancellationToken);
        return [.. ids.Select(id => items.FirstOrDefault(i => i.Id == id)).OfType<ListingSummary>()];
    }

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

    private IQueryable<ExchangeListing> Visible() =>
        db.ExchangeListings.AsNoTracking().Where(l => l.Status == ListingStatus.Published && l.Member!.Status == MemberStatus.Verified && l.Member.PausedAt == null);

    private IQueryable<ListingSummary> Project(IQueryable<ExchangeListing> query) =>
        query.Select(l => new ListingSummary(
            l.Id,
            l.Member!.Pseudonym,
            l.Member.Residence!.CommuneInseeCode,
            db.Communes.Where(c => c.InseeCode == l.Member.Residence.CommuneInseeCode).Select(c => c.Name).FirstOrDefault() ?? l.Member.Residence.CommuneInseeCode,
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
            l.Photos.Count));
}
