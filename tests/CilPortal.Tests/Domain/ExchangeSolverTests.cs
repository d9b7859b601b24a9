using CilPortal.Domain.Exchanges;
using CilPortal.Infrastructure.Exchanges;
using CsCheck;
using static CilPortal.Tests.Domain.ExchangeGraphTests;
using static CilPortal.Tests.Domain.ExchangePlannerTests;

namespace CilPortal.Tests.Domain;

public class ExchangeSolverTests
{
    private static readonly ExchangeSolverOptions Exact = new(TimeSpan.FromSeconds(20), Workers: 1);

    [Fact]
    public void The_exact_solver_proves_the_best_proposal_and_reports_no_gap()
    {
        var cycles = CompatibilityGraph.Build(ChainOrTwoSwaps).AllCycles();
        var greedy = ExchangePlanner.Propose(cycles, _ => true, improve: false);

        var result = ExchangeCpSatSolver.Solve(cycles, greedy.Cycles, Exact);

        Assert.Equal(ExchangeSolveStatus.Optimal, result.Status);
        Assert.Equal((290L, 290L, 0.0), (result.Objective, result.BestBound, result.Gap));
        Assert.Equal(["1,4", "2,5", "6,7"], result.Chosen.Select(c => string.Join(",", c.ListingIds)).Order(StringComparer.Ordinal));
        Assert.Equal(result.ChosenIndices.Select(i => cycles[i]), result.Chosen);
    }

    [Fact]
    public void Only_the_listings_that_take_part_are_solved_for_and_positions_refer_to_the_cycle_set()
    {
        var cycles = CompatibilityGraph.Build(ChainOrTwoSwaps).AllCycles();
        static bool TakesPart(ExchangeCandidate c) => c.ListingId != 4;
        var proposal = ExchangePlanner.Propose(cycles, TakesPart);

        var result = ExchangeCpSatSolver.Solve(cycles, TakesPart, proposal, Exact);

        Assert.Equal((ExchangeSolveStatus.Optimal, (3 * 60L) + (2 * 45)), (result.Status, result.Objective));
        Assert.Equal(["1,2,3", "6,7"], result.Chosen.Select(c => string.Join(",", c.ListingIds)).Order(StringComparer.Ordinal));
        Assert.Equal(result.ChosenIndices.Select(i => cycles[i]), result.Chosen);
    }

    [Fact]
    public void Nothing_to_choose_is_optimal_at_zero()
    {
        var result = ExchangeCpSatSolver.Solve([], null, Exact);
        Assert.Equal((ExchangeSolveStatus.Optimal, 0L, 0.0), (result.Status, result.Objective, result.Gap));
    }

    [Fact]
    public void The_exact_solver_reaches_the_brute_force_optimum_and_never_does_worse_than_the_planner() =>
        AnyListings.Where(l => l.Length <= 14).Sample(listings =>
        {
            var cycles = CompatibilityGraph.Build(listings).AllCycles();
            var proposal = ExchangePlanner.Propose(cycles, _ => true);

            var result = ExchangeCpSatSolver.Solve(cycles, proposal.Cycles, Exact);

            Assert.Equal(ExchangeSolveStatus.Optimal, result.Status);
            Assert.Equal(BruteForceOptimum(cycles), result.Objective);
            Assert.True(result.Objective >= proposal.TotalScore);
            Assert.Equal(result.Chosen.Sum(c => (long)c.TotalScore), result.Objective);
            var ids = result.Chosen.SelectMany(c => c.ListingIds).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
        }, iter: 60);

    /// <summary>The best total of disjoint cycles, over every subset of listings (dynamic programming on bit masks).</summary>
    private static long BruteForceOptimum(ExchangeCycleSet cycles)
    {
        var n = cycles.Graph.Count;
        var masks = Enumerable.Range(0, cycles.Count)
            .Select(c => (Mask: Enumerable.Range(0, cycles.LengthAt(c)).Aggregate(0, (m, k) => m | (1 << cycles.MemberAt(c, k))), Score: cycles.TotalScoreAt(c)))
            .ToArray();
        var best = new long[1 << n];
        for (var set = 1; set < best.Length; set++)
        {
            var lowest = set & -set;
            best[set] = best[set & ~lowest];
            foreach (var (mask, score) in masks)
            {
                if ((mask & lowest) != 0 && (mask & set) == mask)
                {
                    best[set] = Math.Max(best[set], score + best[set & ~mask]);
                }
            }
        }

        return best[^1];
    }
}
