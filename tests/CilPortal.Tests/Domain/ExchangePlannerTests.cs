using CilPortal.Domain.Exchanges;
using CsCheck;
using static CilPortal.Tests.Domain.ExchangeGraphTests;

namespace CilPortal.Tests.Domain;

public class ExchangePlannerTests
{
    /// <summary>
    /// The chain 1 → 2 → 3 → 1 (three legs of 60) blocks the swaps 1 ↔ 4 and 2 ↔ 5 (four legs of 50); 6 ↔ 7 (two legs of 45)
    /// is apart. The greedy pass takes the chain (180 over 5 conflicts beats 100 over 3), the best is the two swaps.
    /// </summary>
    internal static readonly ExchangeCandidate[] ChainOrTwoSwaps =
    [
        Listing(1, "A", 610m, 750m, "B", "D"),
        Listing(2, "B", 610m, 750m, "C", "E"),
        Listing(3, "C", 610m, 750m, "A"),
        Listing(4, "D", 653.5m, 700m, "A"),
        Listing(5, "E", 653.5m, 700m, "B"),
        ExchangeGraphTests.Listing(6, "F", "G"),
        ExchangeGraphTests.Listing(7, "G", "F"),
    ];

    private static ExchangeCandidate Listing(int id, string offers, decimal rent, decimal maxRent, params string[] wants) =>
        new(id, 1, ExchangeCriteriaTests.Dwelling(commune: offers, rent: rent), ExchangeCriteriaTests.Wish(communes: wants, maxRent: maxRent));

    [Fact]
    public void Local_search_replaces_a_chain_by_two_swaps_that_house_more_households()
    {
        var cycles = CompatibilityGraph.Build(ChainOrTwoSwaps).AllCycles();

        var greedy = ExchangePlanner.Propose(cycles, _ => true, improve: false);
        var improved = ExchangePlanner.Propose(cycles, _ => true);

        Assert.Equal(["1,2,3", "6,7"], greedy.Cycles.Select(c => string.Join(",", c.ListingIds)).Order(StringComparer.Ordinal));
        Assert.Equal((3 * 60) + (2 * 45), greedy.TotalScore);
        Assert.Equal(["1,4", "2,5", "6,7"], improved.Cycles.Select(c => string.Join(",", c.ListingIds)).Order(StringComparer.Ordinal));
        Assert.Equal((4 * 50) + (2 * 45), improved.TotalScore);
        Assert.Equal((greedy.TotalScore, 6), (improved.GreedyScore, improved.Households));
        Assert.True(improved.Improvements > 0);
    }

    [Fact]
    public void Only_the_listings_that_take_part_are_proposed()
    {
        var cycles = CompatibilityGraph.Build(ChainOrTwoSwaps).AllCycles();

        var proposal = ExchangePlanner.Propose(cycles, c => c.ListingId != 4);

        Assert.Equal(["1,2,3", "6,7"], proposal.Cycles.Select(c => string.Join(",", c.ListingIds)).Order(StringComparer.Ordinal));
        Assert.Equal(3, proposal.EligibleCycles);
    }

    [Fact]
    public void A_proposal_is_disjoint_cycles_of_listings_that_take_part_and_local_search_never_loses() =>
        Gen.Select(AnyListings, Gen.Int[0, 4]).Sample((listings, skip) =>
        {
            var cycles = CompatibilityGraph.Build(listings).AllCycles();
            bool TakesPart(ExchangeCandidate c) => skip == 0 || c.ListingId % 5 != skip;

            var greedy = ExchangePlanner.Propose(cycles, TakesPart, improve: false);
            var proposal = ExchangePlanner.Propose(cycles, TakesPart);

            Assert.Equal(greedy.TotalScore, proposal.GreedyScore);
            Assert.True(proposal.TotalScore >= greedy.TotalScore);
            foreach (var p in new[] { greedy, proposal })
            {
                var ids = p.Cycles.SelectMany(c => c.ListingIds).ToList();
                Assert.Equal(ids.Count, ids.Distinct().Count());
                Assert.Equal(ids.Count, p.Households);
                Assert.All(ids, id => Assert.True(TakesPart(listings.Single(l => l.ListingId == id))));
                Assert.Equal(p.Cycles.Sum(c => (long)c.TotalScore), p.TotalScore);
                Assert.Equal(p.CycleIndices.Select(i => cycles[i]), p.Cycles);
                Assert.All(p.Cycles, c => AssertRealCycle(listings, c));
            }

            // Maximal: no eligible cycle is left whose listings are all free.
            var taken = proposal.Cycles.SelectMany(c => c.ListingIds).ToHashSet();
            Assert.DoesNotContain(cycles, c => c.ListingIds.All(id => !taken.Contains(id) && TakesPart(listings.Single(l => l.ListingId == id))));
        }, iter: 300);
}
