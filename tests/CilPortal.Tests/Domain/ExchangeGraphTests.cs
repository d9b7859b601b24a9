using CilPortal.Domain.Exchanges;
using CilPortal.Domain.Stock;
using CsCheck;
using static CilPortal.Tests.Domain.ExchangeCriteriaTests;

namespace CilPortal.Tests.Domain;

public class ExchangeGraphTests
{
    /// <summary>Listing <paramref name="id"/> offers a dwelling in commune <paramref name="offers"/> and wants one in any of <paramref name="wants"/>.</summary>
    internal static ExchangeCandidate Listing(int id, string offers, params string[] wants) =>
        new(id, 1, Dwelling(commune: offers), Wish(communes: wants));

    /// <summary>Small random listings: few communes and typologies so that swaps and chains are frequent; ids are not indices.</summary>
    internal static readonly Gen<ExchangeCandidate[]> AnyListings =
        Gen.Select(AnyDwelling, AnyWish).Array[0, 36].Select(pairs =>
            pairs.Select((p, i) => new ExchangeCandidate(1000 + (7 * (pairs.Length - i)), 1 + (i % 3), p.Item1, p.Item2)).ToArray());

    [Fact]
    public void A_listing_appearing_twice_is_refused() =>
        Assert.Throws<ArgumentException>(() => CompatibilityGraph.Build([Listing(1, "A", "B"), Listing(1, "B", "A")]));

    [Fact]
    public void Edges_go_from_the_household_to_the_dwellings_it_accepts()
    {
        var graph = CompatibilityGraph.Build([Listing(1, "A", "B"), Listing(2, "B", "A", "C"), Listing(3, "C")]);

        Assert.Equal(5, graph.EdgeCount);
        Assert.Equal([new ExchangeMatch(2, 45)], graph.AcceptedBy(1));
        Assert.Equal([new ExchangeMatch(1, 45), new ExchangeMatch(3, 45)], graph.AcceptedBy(2));
        Assert.Equal([new ExchangeMatch(1, 45), new ExchangeMatch(2, 45)], graph.AcceptedBy(3));
        Assert.Equal([new ExchangeMatch(2, 45), new ExchangeMatch(3, 45)], graph.InterestedIn(1));
        Assert.Equal(-1, graph.EdgeScore(graph.IndexOf(1), graph.IndexOf(3)));
        Assert.Equal("B", graph.Candidate(2).Offered.CommuneInseeCode);
        Assert.True(graph.ExplainLeg(1, 2, "Locataire B").IsAccepted);
        var refused = graph.ExplainLeg(1, 3, "Locataire C");
        Assert.Equal("À C, alors que vous avez choisi B.", Assert.Single(refused.Reasons, r => !r.IsMet).Text);
        Assert.Throws<KeyNotFoundException>(() => graph.CyclesOf(99));
    }

    [Fact]
    public void A_listing_sees_its_swaps_and_chains_from_its_own_place_best_first()
    {
        // 1 ↔ 2 swap; 1 → 2 → 3 → 1 chain; 3 wants 1 with a better score (cheaper than its maximum).
        ExchangeCandidate[] listings =
        [
            Listing(1, "A", "B"),
            Listing(2, "B", "A", "C"),
            new(3, 1, Dwelling(commune: "C"), Wish(communes: ["A"], maxRent: 800m)),
        ];
        var graph = CompatibilityGraph.Build(listings);

        var ofThree = graph.CyclesOf(3);
        var chain = Assert.Single(ofThree);
        Assert.Equal([3, 1, 2], chain.ListingIds);
        Assert.Equal([45 + 18, 45, 45], chain.LegScores);
        Assert.Equal(2, chain.MovesInto(1));
        Assert.Equal(3, chain.MovesOut(1));

        var ofOne = graph.CyclesOf(1);
        Assert.Equal(2, ofOne.Count);
        Assert.Equal([1, 2, 3], ofOne[0].ListingIds);
        Assert.Equal((45 + 45 + 63) / 3.0, ofOne[0].Score, 9);
        Assert.Equal([1, 2], ofOne[1].ListingIds);

        var all = graph.AllCycles();
        Assert.Equal((1, 1), (all.TwoWayCount, all.ThreeWayCount));
        Assert.Contains(chain.StartingAt(1), all);
    }

    [Fact]
    public void The_indexed_graph_equals_the_all_pairs_graph() =>
        AnyListings.Sample(listings =>
        {
            var graph = CompatibilityGraph.Build(listings);
            var expected = new List<(int, int, int)>();
            for (var a = 0; a < listings.Length; a++)
            {
                for (var b = 0; b < listings.Length; b++)
                {
                    if (a != b && ExchangeCriteria.Accepts(listings[a].Wanted, listings[b].Offered))
                    {
                        expected.Add((a, b, ExchangeCriteria.Score(listings[a].Wanted, listings[b].Offered)));
                    }
                }
            }

            Assert.Equal(expected, Edges(graph));
            var reversed = Enumerable.Range(0, graph.Count)
                .SelectMany(b => graph.Predecessors(b).ToArray().Zip(graph.PredecessorScores(b).ToArray(), (a, s) => (a, b, (int)s)))
                .OrderBy(e => e.a).ThenBy(e => e.b);
            Assert.Equal(expected, reversed);
            Assert.All(Enumerable.Range(0, listings.Length), a => Assert.Equal(expected.Count(e => e.Item1 == a), graph.AcceptedCount(listings[a].ListingId)));
        }, iter: 400);

    [Fact]
    public void All_cycles_are_the_swaps_and_chains_of_the_graph_once_each_smallest_index_first() =>
        AnyListings.Sample(listings =>
        {
            var graph = CompatibilityGraph.Build(listings);
            var cycles = graph.AllCycles();
            var found = Enumerable.Range(0, cycles.Count)
                .Select(c => string.Join(",", Enumerable.Range(0, cycles.LengthAt(c)).Select(k => cycles.MemberAt(c, k))))
                .ToList();
            Assert.Equal(BruteForceCycles(graph).Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
            Assert.Equal(found.Count, found.Distinct().Count());
            for (var c = 0; c < cycles.Count; c++)
            {
                var members = Enumerable.Range(0, cycles.LengthAt(c)).Select(k => cycles.MemberAt(c, k)).ToArray();
                Assert.Equal(members.Min(), members[0]);
                AssertRealCycle(listings, cycles[c]);
            }
        }, iter: 400);

    [Fact]
    public void A_listings_cycles_are_all_those_through_it_ranked() =>
        AnyListings.Where(l => l.Length > 0).SelectMany(l => Gen.Int[0, l.Length - 1].Select(i => (l, i))).Sample(pick =>
        {
            var (listings, index) = pick;
            var graph = CompatibilityGraph.Build(listings);
            var id = listings[index].ListingId;
            var mine = graph.CyclesOf(id);

            var expected = BruteForceCycles(graph)
                .Select(c => c.Split(',').Select(int.Parse).ToArray())
                .Where(c => c.Contains(index))
                .Select(c => Rotate(c, Array.IndexOf(c, index)))
                .Select(c => string.Join(",", c.Select(i => listings[i].ListingId)))
                .Order(StringComparer.Ordinal);
            Assert.Equal(expected, mine.Select(c => string.Join(",", c.ListingIds)).Order(StringComparer.Ordinal));
            Assert.All(mine, c => Assert.Equal(id, c.ListingIds[0]));
            Assert.All(mine, c => AssertRealCycle(listings, c));
            Assert.Equal(mine.Order(Comparer<ExchangeCycle>.Create(ExchangeCycle.CompareByRank)), mine);
        }, iter: 400);

    [Fact]
    public void A_listings_best_cycles_are_the_first_of_all_its_cycles() =>
        AnyListings.Where(l => l.Length > 0).SelectMany(l => Gen.Select(Gen.Int[0, l.Length - 1], Gen.Int[0, 12]).Select(p => (l, p.Item1, p.Item2))).Sample(pick =>
        {
            var (listings, index, count) = pick;
            var graph = CompatibilityGraph.Build(listings);
            var id = listings[index].ListingId;

            Assert.Equal(graph.CyclesOf(id).Take(count), graph.CyclesOf(id, count));
        }, iter: 400);

    [Fact]
    public void Cycles_rank_by_mean_score_then_weakest_leg_then_length_then_ids()
    {
        ExchangeCycle[] cycles =
        [
            new([5, 6, 7], [60, 60, 60]),
            new([1, 2], [60, 60]),
            new([3, 4], [90, 30]),
            new([8, 9], [70, 70]),
            new([2, 1], [60, 60]),
        ];

        var ranked = cycles.Order(Comparer<ExchangeCycle>.Create(ExchangeCycle.CompareByRank)).Select(c => string.Join(",", c.ListingIds));

        Assert.Equal(["8,9", "1,2", "2,1", "5,6,7", "3,4"], ranked);
    }

    [Fact]
    public void A_cycle_never_lists_a_listing_twice_and_compares_by_value()
    {
        Assert.Throws<ArgumentException>(() => new ExchangeCycle([1, 2, 1], [50, 50, 50]));
        Assert.Throws<ArgumentException>(() => new ExchangeCycle([1], [50]));
        Assert.Equal(new ExchangeCycle([1, 2, 3], [50, 60, 70]), new ExchangeCycle([1, 2, 3], [50, 60, 70]));
        Assert.NotEqual(new ExchangeCycle([1, 2, 3], [50, 60, 70]), new ExchangeCycle([2, 3, 1], [60, 70, 50]));
        Assert.Equal(new ExchangeCycle([2, 3, 1], [60, 70, 50]), new ExchangeCycle([1, 2, 3], [50, 60, 70]).StartingAt(2));
    }

    internal static List<(int, int, int)> Edges(CompatibilityGraph graph) =>
        [.. Enumerable.Range(0, graph.Count).SelectMany(a => graph.Successors(a).ToArray().Zip(graph.SuccessorScores(a).ToArray(), (b, s) => (a, b, (int)s)))];

    /// <summary>Every 2- and 3-cycle of the graph by trying all pairs and triples, as « i,j[,k] » with i the smallest index.</summary>
    internal static List<string> BruteForceCycles(CompatibilityGraph graph)
    {
        var n = graph.Count;
        var cycles = new List<string>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (graph.EdgeScore(i, j) >= 0 && graph.EdgeScore(j, i) >= 0)
                {
                    cycles.Add($"{i},{j}");
                }
            }

            for (var j = i + 1; j < n; j++)
            {
                for (var k = i + 1; k < n; k++)
                {
                    if (j != k && graph.EdgeScore(i, j) >= 0 && graph.EdgeScore(j, k) >= 0 && graph.EdgeScore(k, i) >= 0)
                    {
                        cycles.Add($"{i},{j},{k}");
                    }
                }
            }
        }

        return cycles;
    }

    /// <summary>The cycle's listings are distinct, 2 or 3, and each leg is accepted with its score.</summary>
    internal static void AssertRealCycle(IReadOnlyList<ExchangeCandidate> listings, ExchangeCycle cycle)
    {
        Assert.InRange(cycle.Length, 2, 3);
        Assert.Equal(cycle.Length, cycle.ListingIds.Distinct().Count());
        for (var i = 0; i < cycle.Length; i++)
        {
            var mover = listings.Single(l => l.ListingId == cycle.ListingIds[i]);
            var home = listings.Single(l => l.ListingId == cycle.ListingIds[(i + 1) % cycle.Length]);
            Assert.True(ExchangeCriteria.Accepts(mover.Wanted, home.Offered));
            Assert.Equal(ExchangeCriteria.Score(mover.Wanted, home.Offered), cycle.LegScores[i]);
        }

        Assert.Equal(cycle.LegScores.Sum(), cycle.TotalScore);
    }

    private static int[] Rotate(int[] cycle, int start) => [.. Enumerable.Range(0, cycle.Length).Select(k => cycle[(start + k) % cycle.Length])];
}
