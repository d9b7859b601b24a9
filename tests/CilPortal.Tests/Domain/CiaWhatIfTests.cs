using CilPortal.Domain.Allocations;
using CsCheck;
using static CilPortal.Tests.Domain.CiaBreakdownTests;

namespace CilPortal.Tests.Domain;

public class CiaWhatIfTests
{
    private const int Year = 2026;
    private static readonly DateOnly YearEnd = new(2026, 12, 31);

    // Three leases outside QPV, none first quartile nor priority; at year end the pace is 1:
    // first quartile 0 of 3 (1 still needed), priority 0 of 3 (1 still needed), nothing in QPV (nothing needed).
    private static readonly CountedAllocation[] History =
    [
        Lease(new(2026, 2, 1), Classification(null, false), reservataire: 1),
        Lease(new(2026, 3, 1), Classification(null, false), reservataire: 2),
        Lease(new(2026, 4, 1), Classification(null, false), reservataire: 2),
    ];

    [Fact]
    public void A_first_quartile_household_outside_qpv_reaches_the_target_and_leaves_the_other_indicators_counting_it_as_not_met()
    {
        var result = CiaWhatIf.Simulate(Year, YearEnd, History, CiaTargets.Default, Classification(null, true), reservataireId: 1, bailleurId: 1, commune: "01053");

        var outside = result[CiaIndicatorKind.OutsideQpvFirstQuartile];
        Assert.Equal((3, 0, (decimal?)0.0m, false), (outside.Before.Total, outside.Before.Met, outside.Before.SharePercent, outside.Before.IsReached));
        Assert.Equal((4, 1, (decimal?)25.0m, true), (outside.After.Total, outside.After.Met, outside.After.SharePercent, outside.After.IsReached));
        Assert.Equal((true, true, 1), (outside.Counts, outside.Meets, outside.StillNeededReduction));
        var inQpv = result[CiaIndicatorKind.InQpvOtherQuartiles];
        Assert.Equal((false, false, 0), (inQpv.Counts, inQpv.Meets, inQpv.After.Total));
        var priority = result[CiaIndicatorKind.PriorityPublics];
        Assert.Equal((true, false, 0), (priority.Counts, priority.Meets, priority.StillNeededReduction));
        Assert.Equal(((decimal?)0.0m, (decimal?)0.0m), (priority.Before.SharePercent, priority.After.SharePercent));
        Assert.Equal((1, 2), (result.ReservatairePriorityPublics.Before.Total, result.ReservatairePriorityPublics.After.Total));
        Assert.Equal(4, result.After.LeasesByMonth.Sum());
        Assert.Equal(1, result.After.LeasesByMonth[11]);
    }

    [Fact]
    public void A_reservataire_without_leases_yet_starts_from_an_empty_indicator()
    {
        var result = CiaWhatIf.Simulate(Year, YearEnd, History, CiaTargets.Default, Classification(null, false, priority: true), 9, 1, "01053");

        Assert.Equal((0, 0, (decimal?)null), (result.ReservatairePriorityPublics.Before.Total, result.ReservatairePriorityPublics.Before.Met, result.ReservatairePriorityPublics.Before.SharePercent));
        Assert.Equal((1, 1, true), (result.ReservatairePriorityPublics.After.Total, result.ReservatairePriorityPublics.After.Met, result.ReservatairePriorityPublics.After.IsReached));
    }

    [Fact]
    public void A_date_outside_the_year_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CiaWhatIf.Simulate(Year, new DateOnly(2027, 1, 5), History, CiaTargets.Default, Classification(null, true), 1, 1, "01053"));
        Assert.Throws<ArgumentOutOfRangeException>(() => CiaWhatIf.Rank(Year, new DateOnly(2025, 12, 31), History, CiaTargets.Default, [new(1, Classification(null, true))], 1, 1, "01053"));
    }

    [Fact]
    public void Candidates_are_ranked_by_what_they_save_on_the_targets_in_play_then_by_how_many_they_meet_then_by_id()
    {
        CiaCandidate[] candidates =
        [
            new(5, Classification(null, true)), // first quartile: saves 1 outside QPV
            new(4, Classification(null, false, priority: true)), // priority: saves 1 on priority publics
            new(2, Classification(null, true, priority: true)), // both: saves 2
            new(1, Classification(null, false)), // neither: saves nothing (the rounded need stays at 1)
            new(3, Classification(null, null)), // unknown quartile: saves nothing either
        ];

        var ranked = CiaWhatIf.Rank(Year, YearEnd, History, CiaTargets.Default, candidates, 1, 1, "01053");

        Assert.Equal([(2, 1, 2), (4, 2, 1), (5, 3, 1), (1, 4, 0), (3, 5, 0)], ranked.Select(r => (r.CandidateId, r.Rank, r.Score)));
        Assert.Equal([CiaIndicatorKind.OutsideQpvFirstQuartile, CiaIndicatorKind.PriorityPublics], ranked[0].InPlay.Select(c => c.Kind));
        Assert.Equal([CiaIndicatorKind.OutsideQpvFirstQuartile, CiaIndicatorKind.PriorityPublics], ranked[0].Helps.Select(c => c.Kind));
        Assert.Equal([CiaIndicatorKind.PriorityPublics], ranked[1].Helps.Select(c => c.Kind));
        Assert.Empty(ranked[3].Helps);
        Assert.Equal(
            [
                "Hors QPV : premier quartile : répond à l'objectif ; attributions encore nécessaires d'ici la fin de l'année : 1 → 0.",
                "Publics prioritaires : répond à l'objectif ; attributions encore nécessaires d'ici la fin de l'année : 1 → 0.",
            ],
            ranked[0].Explanation);
        Assert.StartsWith("Hors QPV : premier quartile : compte sans répondre à l'objectif", ranked[3].Explanation[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Targets_already_secured_neither_reward_nor_penalise_a_candidate()
    {
        CountedAllocation[] secured = [Lease(new(2026, 2, 1), Classification(null, true, priority: true))];

        var ranked = CiaWhatIf.Rank(Year, YearEnd, secured, CiaTargets.Default, [new(2, Classification(null, true)), new(1, Classification(null, false))], 1, 1, "01053");

        Assert.All(ranked, r => Assert.Empty(r.InPlay));
        Assert.Equal([(1, 0), (2, 0)], ranked.Select(r => (r.CandidateId, r.Score)));
    }

    [Fact]
    public void Two_candidates_with_the_same_id_are_refused() =>
        Assert.Throws<ArgumentException>(() =>
            CiaWhatIf.Rank(Year, YearEnd, History, CiaTargets.Default, [new(1, Classification(null, true)), new(1, Classification(null, false))], 1, 1, "01053"));

    // Property-based tests (CsCheck).
    private static readonly Gen<DateOnly> AnyDateOfTheYear = Gen.DateOnly[new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)];

    private static readonly Gen<CiaTargets> AnyTargets =
        Gen.Select(Gen.Int[0, 100], Gen.Int[0, 100], Gen.Int[0, 100], (a, b, c) => new CiaTargets(a, b, c));

    private static void AssertSame(CiaYearIndicators expected, CiaYearIndicators actual)
    {
        Assert.Equal(expected.AsOf, actual.AsOf);
        Assert.Equal(expected.OutsideQpvFirstQuartile, actual.OutsideQpvFirstQuartile);
        Assert.Equal(expected.InQpvOtherQuartiles, actual.InQpvOtherQuartiles);
        Assert.Equal(expected.PriorityPublics, actual.PriorityPublics);
        Assert.Equal(expected.PriorityPublicsByReservataire, actual.PriorityPublicsByReservataire);
        Assert.Equal(expected.LeasesByMonth, actual.LeasesByMonth);
    }

    [Fact]
    public void Simulating_is_computing_with_the_allocation_appended_as_a_lease_signed_on_the_date()
    {
        Gen.Select(AnyLease.Array[0, 30], AnyDateOfTheYear, AnyTargets, AnyClassification, Gen.Int[1, 5], Gen.Int[1, 4]).Sample((leases, asOf, targets, hypothetical, reservataire, bailleur) =>
        {
            var result = CiaWhatIf.Simulate(Year, asOf, leases, targets, hypothetical, reservataire, bailleur, "01053");

            AssertSame(CiaIndicatorCalculator.Compute(Year, asOf, leases, targets), result.Before);
            AssertSame(CiaIndicatorCalculator.Compute(Year, asOf, [.. leases, new(asOf, reservataire, hypothetical, bailleur, "01053")], targets), result.After);
            Assert.Equal(result.After.PriorityPublicsByReservataire.Single(r => r.ReservataireId == reservataire).Indicator, result.ReservatairePriorityPublics.After);
            Assert.Equal(1, result.Changes.Sum(c => c.Counts ? 1 : 0) - (result[CiaIndicatorKind.PriorityPublics].Counts ? 1 : 0));
        });
    }

    [Fact]
    public void Ranking_is_ordered_by_score_whatever_the_order_of_the_candidates_and_scores_what_simulating_says()
    {
        var candidates = Gen.Select(AnyClassification.Array[1, 8], Gen.Int[0, 1000], (classifications, seed) =>
        {
            var list = classifications.Select((c, i) => new CiaCandidate((i * 7) + 1, c)).ToList();
            return (Candidates: list, Shuffled: list.OrderBy(c => (c.CandidateId * 31) ^ seed).ToList());
        });

        Gen.Select(AnyLease.Array[0, 30], AnyDateOfTheYear, AnyTargets, candidates).Sample((leases, asOf, targets, c) =>
        {
            var ranked = CiaWhatIf.Rank(Year, asOf, leases, targets, c.Candidates, 2, 1, "01053");
            var shuffled = CiaWhatIf.Rank(Year, asOf, leases, targets, c.Shuffled, 2, 1, "01053");

            Assert.Equal(ranked.Select(r => r.CandidateId), shuffled.Select(r => r.CandidateId));
            Assert.Equal(Enumerable.Range(1, ranked.Count), ranked.Select(r => r.Rank));
            Assert.True(ranked.Zip(ranked.Skip(1)).All(p => p.First.Score >= p.Second.Score));
            foreach (var r in ranked)
            {
                var alone = CiaWhatIf.Simulate(Year, asOf, leases, targets, c.Candidates.Single(x => x.CandidateId == r.CandidateId).Classification, 2, 1, "01053");
                Assert.Equal(alone.Changes.Where(x => x.Before.StillNeeded > 0).Sum(x => x.StillNeededReduction), r.Score);
                Assert.All(r.Helps, h => Assert.True(h.Meets && h.Before.StillNeeded > 0));
            }
        });
    }
}
