using CilPortal.Domain.Exchanges;
using CilPortal.Infrastructure.Exchanges;
using CsCheck;

namespace CilPortal.Tests.Exchanges;

/// <summary>Properties of the matching engine on random territories (seeded, so a failure names its seed).</summary>
public class ExchangeEnginePropertyTests
{
    private static readonly Gen<(int Count, int Seed, double Acceptable)> Territories =
        Gen.Select(Gen.Int[2, 60], Gen.Int[0, 1_000_000], Gen.Double[1.5, 12]);

    [Fact]
    public void The_indexed_graph_has_exactly_the_edges_of_comparing_every_pair()
    {
        Territories.Sample(t =>
        {
            var candidates = SyntheticExchangeListings.Generate(t.Count, t.Seed, t.Acceptable);
            var graph = CompatibilityGraph.Build(candidates);
            foreach (var a in candidates)
            {
                var expected = candidates.Where(b => b.ListingId != a.ListingId && ExchangeCriteria.Accepts(a.Wanted, b.Offered))
                    .Select(b => (b.ListingId, ExchangeCriteria.Score(a.Wanted, b.Offered))).OrderBy(x => x.ListingId).ToList();
                var actual = graph.AcceptedBy(a.ListingId).Select(m => (m.ListingId, m.Score)).OrderBy(x => x.ListingId).ToList();
                Assert.Equal(expected, actual);
            }
        }, iter: 60);
    }

    [Fact]
    public void Every_cycle_is_a_real_cycle_of_two_or_three_distinct_listings_whose_legs_all_meet_the_wishes()
    {
        Territories.Sample(t =>
        {
            var candidates = SyntheticExchangeListings.Generate(t.Count, t.Seed, t.Acceptable);
            var byId = candidates.ToDictionary(c => c.ListingId);
            var graph = CompatibilityGraph.Build(candidates);
            var all = graph.AllCycles().ToList();
            foreach (var cycle in all.Concat(candidates.SelectMany(c => graph.CyclesOf(c.ListingId))))
            {
                Assert.InRange(cycle.Length, 2, 3);
                Assert.Equal(cycle.Length, cycle.ListingIds.Distinct().Count());
                for (var i = 0; i < cycle.Length; i++)
                {
                    var from = byId[cycle.ListingIds[i]];
                    var to = byId[cycle.ListingIds[(i + 1) % cycle.Length]];
                    Assert.True(ExchangeCriteria.Accepts(from.Wanted, to.Offered));
                    Assert.Equal(ExchangeCriteria.Score(from.Wanted, to.Offered), cycle.LegScores[i]);
                }
            }

            // Each listing's own cycles are exactly the graph's cycles through it.
            foreach (var c in candidates)
            {
                var through = all.Where(x => x.ListingIds.Contains(c.ListingId)).Select(x => Canonical(x.ListingIds)).OrderBy(s => s, StringComparer.Ordinal).ToList();
                var own = graph.CyclesOf(c.ListingId).Select(x => Canonical(x.ListingIds)).OrderBy(s => s, StringComparer.Ordinal).ToList();
                Assert.Equal(through, own);
            }
        }, iter: 60);
    }

    [Fact]
    public void The_global_proposal_is_disjoint_keeps_to_those_who_take_part_and_the_exact_solve_is_never_worse()
    {
        Territories.Sample(t =>
        {
            var candidates = SyntheticExchangeListings.Generate(t.Count, t.Seed, t.Acceptable);
            var graph = CompatibilityGraph.Build(candidates);
            var cycles = graph.AllCycles();
            bool TakesPart(ExchangeCandidate c) => c.ListingId % 5 != 0;
            var plan = ExchangePlanner.Propose(cycles, TakesPart);
            var used = plan.Cycles.SelectMany(c => c.ListingIds).ToList();
            Assert.Equal(used.Count, used.Distinct().Count());
            Assert.All(used, id => Assert.NotEqual(0, id % 5));
            Assert.True(plan.TotalScore >= plan.GreedyScore);
            Assert.Equal(plan.TotalScore, plan.Cycles.Sum(c => (long)c.TotalScore));

            var eligible = cycles.Where(c => c.ListingIds.All(id => id % 5 != 0)).ToList();
            var exact = ExchangeCpSatSolver.Solve(eligible, plan.Cycles, new ExchangeSolverOptions(TimeSpan.FromSeconds(5)));
            Assert.True(exact.Objective >= plan.TotalScore);
            var chosen = exact.Chosen.SelectMany(c => c.ListingIds).ToList();
            Assert.Equal(chosen.Count, chosen.Distinct().Count());
        }, iter: 25);
    }

    private static string Canonical(IReadOnlyList<int> ids)
    {
        var start = ids.ToList().IndexOf(ids.Min());
        return string.Join('>', Enumerable.Range(0, ids.Count).Select(i => ids[(start + i) % ids.Count]));
    }
}
