using CilPortal.Domain.Exchanges;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Statistics;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Infrastructure.Exchanges;

/// <summary>One leg of a swap or chain as the tenant reads it: who moves where, and why it fits.</summary>
public sealed record ExchangeLegView(int FromListingId, string FromPseudonym, int ToListingId, string ToPseudonym, ExchangeLegExplanation Explanation);

/// <summary>A swap or chain shown to a tenant, starting from the tenant's own listing.</summary>
public sealed record ExchangeCycleView(ExchangeCycle Cycle, IReadOnlyList<ExchangeLegView> Legs)
{
    public int Percent => (int)Math.Round(Cycle.Score, MidpointRounding.AwayFromZero);
}

/// <summary>
/// What the marketplace proposes to one member: the dwellings that suit them, a page at a time, and the swaps and chains
/// they can join.
/// </summary>
/// <param name="Suitable">The shown page of the dwellings that suit the member, best first.</param>
/// <param name="SuitablePage">The page shown (the one asked, brought within range).</param>
/// <param name="SuitableTotal">How many dwellings the pages show, all pages together: those the matching keeps for the member.</param>
/// <param name="AcceptedTotal">
/// How many dwellings meet the member's wish, all of them: more than <paramref name="SuitableTotal"/> when the wish accepts
/// more than the matching keeps (<see cref="CompatibilityGraph.MaxEdgesPerListing"/>), the others being in the search.
/// </param>
public sealed record CompatibleListings(
    bool HasPublishedListing,
    IReadOnlyList<(ListingSummary Listing, int Score, bool WantsMine)> Suitable,
    IReadOnlyList<ExchangeCycleView> Cycles,
    int SuitablePage = 1,
    int SuitableTotal = 0,
    int AcceptedTotal = 0)
{
    public static CompatibleListings WithoutListing { get; } = new(false, [], []);
}

/// <summary>The matching engine applied to the portal's listings, for the member's pages.</summary>
public sealed class ExchangeMatching(CilPortalDbContext db, ExchangeQueries queries, ExchangeGraphCache cache, CommuneNames communeNames)
{
    public const int MaxCyclesShown = 20;

    /// <summary>How many of the dwellings that suit the member a page shows.</summary>
    public const int SuitablePerPage = 20;

    public Task<CompatibilityGraph> GraphAsync(CancellationToken cancellationToken = default) => cache.GetAsync(cancellationToken);

    /// <summary>For each listing of <paramref name="items"/> whose dwelling meets the member's wish, its score (0–100).</summary>
    public async Task<Dictionary<int, int>> ScoresForAsync(int memberId, IReadOnlyList<ListingSummary> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var mine = await queries.OwnListingAsync(memberId, cancellationToken);
        var scores = new Dictionary<int, int>();
        if (mine is null)
        {
            return scores;
        }

        var wish = mine.Wish;
        foreach (var item in items)
        {
            var dwelling = Dwelling(item);
            if (ExchangeCriteria.Accepts(wish, dwelling))
            {
                scores[item.Id] = ExchangeCriteria.Score(wish, dwelling);
            }
        }

        return scores;
    }

    /// <summary>Compiled: read at every view of « Compatibles avec moi » (issue #11).</summary>
    private static readonly Func<CilPortalDbContext, int, CancellationToken, Task<int?>> PublishedListingOf = EF.CompileAsyncQuery(
        (CilPortalDbContext db, int memberId, CancellationToken _) =>
            db.ExchangeListings.Where(l => l.MemberId == memberId && l.Status == ListingStatus.Published).Select(l => (int?)l.Id).FirstOrDefault());

    /// <summary>
    /// The member's swaps and chains (the <see cref="MaxCyclesShown"/> best) and the page <paramref name="suitablePage"/>
    /// of the dwellings that suit them (<see cref="SuitablePerPage"/> a page; a page out of range gives the nearest).
    /// </summary>
    public async Task<CompatibleListings> CompatibleAsync(int memberId, int suitablePage = 1, CancellationToken cancellationToken = default)
    {
        var listingId = await PublishedListingOf(db, memberId, cancellationToken);
        var graph = await GraphAsync(cancellationToken);
        if (listingId is not { } mine || !graph.TryGetIndex(mine, out _))
        {
            return CompatibleListings.WithoutListing;
        }

        var allAccepted = graph.AcceptedBy(mine);
        var pageCount = Math.Max(1, (allAccepted.Count + SuitablePerPage - 1) / SuitablePerPage);
        var page = Math.Clamp(suitablePage, 1, pageCount);
        var accepted = allAccepted.Skip((page - 1) * SuitablePerPage).Take(SuitablePerPage).ToList();

        // Whether each dwelling's household would take the member's dwelling, asked of its wish itself: the graph keeps
        // only part of the pairs (each household's best dwellings, each dwelling's best-suited households).
        var myDwelling = graph.Candidate(mine).Offered;
        var wantsMine = accepted.Where(a => ExchangeCriteria.Accepts(graph.Candidate(a.ListingId).Wanted, myDwelling)).Select(a => a.ListingId).ToHashSet();
        var cycles = graph.CyclesOf(mine, MaxCyclesShown);
        var ids = accepted.Select(a => a.ListingId).Concat(cycles.SelectMany(c => c.ListingIds)).Append(mine).Distinct().ToList();
        // The listings still visible now (the graph may be a few minutes old): a chain with one withdrawn since is not shown.
        var summaries = (await queries.SummariesAsync(ids, cancellationToken)).ToDictionary(s => s.Id);
        var communes = await communeNames.AllAsync(cancellationToken);
        string CommuneName(string code) => communes.GetValueOrDefault(code, code);

        var suitable = accepted.Where(a => summaries.ContainsKey(a.ListingId))
            .Select(a => (summaries[a.ListingId], a.Score, wantsMine.Contains(a.ListingId))).ToList();
        var views = new List<ExchangeCycleView>();
        foreach (var cycle in cycles.Where(c => c.ListingIds.All(id => id == mine || summaries.ContainsKey(id))))
        {
            var legs = new List<ExchangeLegView>();
            for (var i = 0; i < cycle.Length; i++)
            {
                var from = graph.Candidates[graph.IndexOf(cycle.ListingIds[i])];
                var to = graph.Candidates[graph.IndexOf(cycle.ListingIds[(i + 1) % cycle.Length])];
                var owner = to.ListingId == mine ? "vous" : summaries[to.ListingId].Pseudonym;
                legs.Add(new ExchangeLegView(from.ListingId, from.ListingId == mine ? "Vous" : summaries[from.ListingId].Pseudonym, to.ListingId, owner,
                    ExchangeCriteria.Explain(from.Wanted, to.Offered, owner, CommuneName)));
            }

            views.Add(new ExchangeCycleView(cycle, legs));
        }

        return new CompatibleListings(true, suitable, views, page, allAccepted.Count, graph.AcceptedCount(mine));
    }

    private static ExchangeDwelling Dwelling(ListingSummary item) => new(
        item.CommuneInseeCode,
        item.IsInQpv,
        item.Typology,
        item.Surface,
        item.RentWithCharges,
        item.Floor,
        item.Accessibility,
        (item.HasOutdoorSpace ? ExchangeFeatures.OutdoorSpace : 0)
        | (item.HasParking ? ExchangeFeatures.Parking : 0)
        | (item.HasLift ? ExchangeFeatures.Lift : 0)
        | (item.Heating == HeatingKind.Individual ? ExchangeFeatures.IndividualHeating : 0));
}
