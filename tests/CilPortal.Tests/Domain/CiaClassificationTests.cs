using CilPortal.Domain.Allocations;
using CilPortal.Domain.Demands;

namespace CilPortal.Tests.Domain;

public class CiaClassificationTests
{
    private static readonly DateOnly Lease = new(2026, 6, 15);

    private static CiaClassification Classify(
        DateOnly[] births, decimal monthly, string? qpv = null, decimal? threshold = 8861m, bool priority = false, bool urbanRenewal = false) =>
        CiaClassifier.Classify(new CiaClassificationInput(Lease, qpv, births, monthly, threshold, priority, urbanRenewal));

    [Fact]
    public void Worked_example_of_the_domain_is_not_first_quartile_so_it_does_not_count_outside_qpv_but_counts_in_qpv()
    {
        DateOnly[] household = [Lease.AddYears(-40), Lease.AddYears(-38), Lease.AddYears(-15), Lease.AddYears(-8)];

        var outside = Classify(household, 1800m);
        var inside = Classify(household, 1800m, qpv: "QP011008");

        Assert.Equal(2.3m, outside.ConsumptionUnits);
        Assert.Equal(21_600m, outside.AnnualResources);
        Assert.Equal(9391.30m, outside.AnnualResourcesPerUnit);
        Assert.False(outside.IsFirstQuartile);
        Assert.Equal((CiaObjective.OutsideQpv, false), (outside.Objective, outside.MeetsQuartileTarget));
        Assert.Equal((CiaObjective.InQpv, true), (inside.Objective, inside.MeetsQuartileTarget));
    }

    [Fact]
    public void A_child_who_turns_fourteen_on_the_lease_day_counts_half_a_unit_the_day_before_three_tenths()
    {
        var onTheDay = CiaClassifier.Classify(new CiaClassificationInput(Lease, null, [Lease.AddYears(-35), Lease.AddYears(-14)], 1000m, 8861m, false, false));
        var dayBefore = CiaClassifier.Classify(new CiaClassificationInput(Lease.AddDays(-1), null, [Lease.AddYears(-35), Lease.AddYears(-14)], 1000m, 8861m, false, false));

        Assert.Equal(1.5m, onTheDay.ConsumptionUnits);
        Assert.Equal(1.3m, dayBefore.ConsumptionUnits);
    }

    [Fact]
    public void An_expected_child_of_the_demand_is_not_counted_in_the_units()
    {
        var demand = new Demand();
        demand.Members.Add(new HouseholdMember { Role = HouseholdRole.Applicant, BirthDate = Lease.AddYears(-28) });
        demand.Members.Add(new HouseholdMember { Role = HouseholdRole.ExpectedChild, BirthDate = Lease.AddMonths(2) });
        demand.Resources.Add(new DemandResource { Code = "SAL", MonthlyAmount = 700m });

        var classification = CiaClassifier.Classify(CiaClassifier.InputFor(demand, Lease, null, 8861m, urbanRenewal: false));

        Assert.Equal(1m, classification.ConsumptionUnits);
        Assert.Equal(8400m, classification.AnnualResourcesPerUnit);
        Assert.True(classification.IsFirstQuartile);
    }

    [Fact]
    public void Resources_exactly_at_the_threshold_are_not_first_quartile_one_euro_below_are()
    {
        // One person: 738.42 €/month × 12 = 8,861.04; 738.41 → 8,860.92.
        Assert.False(Classify([Lease.AddYears(-50)], 738.42m).IsFirstQuartile);
        Assert.False(Classify([Lease.AddYears(-50)], 8861m / 12m).IsFirstQuartile);
        Assert.True(Classify([Lease.AddYears(-50)], 738.41m).IsFirstQuartile);
    }

    [Fact]
    public void Without_a_threshold_for_the_year_the_quartile_is_unknown_not_guessed()
    {
        var classification = Classify([Lease.AddYears(-50)], 500m, threshold: null);

        Assert.Null(classification.IsFirstQuartile);
        Assert.Null(classification.MeetsQuartileTarget);
    }

    [Fact]
    public void A_new_threshold_for_the_year_keeps_the_household_and_resources_recorded_at_the_lease()
    {
        var recorded = Classify([Lease.AddYears(-40), Lease.AddYears(-38), Lease.AddYears(-15), Lease.AddYears(-8)], 1800m, threshold: null);

        var lower = CiaClassifier.WithThreshold(recorded, 8861m);
        var higher = CiaClassifier.WithThreshold(recorded, 9400m);

        Assert.Null(recorded.IsFirstQuartile);
        Assert.Equal((2.3m, 21_600m, 9391.30m, false), (lower.ConsumptionUnits, lower.AnnualResources, lower.AnnualResourcesPerUnit, lower.IsFirstQuartile));
        Assert.True(higher.IsFirstQuartile);
        Assert.Equal(9400m, higher.FirstQuartileThreshold);
        Assert.Null(CiaClassifier.WithThreshold(recorded, null).IsFirstQuartile);
    }

    [Fact]
    public void Urban_renewal_rehousing_counts_outside_qpv_whatever_the_resources()
    {
        var rich = Classify([Lease.AddYears(-50)], 4000m, urbanRenewal: true);

        Assert.False(rich.IsFirstQuartile);
        Assert.True(rich.MeetsQuartileTarget);
    }

    [Fact]
    public void Priority_public_and_dalo_both_make_a_priority_allocation()
    {
        var dalo = new Demand { IsDaloRecognised = true };
        dalo.Members.Add(new HouseholdMember { Role = HouseholdRole.Applicant, BirthDate = Lease.AddYears(-30) });
        var neither = new Demand();
        neither.Members.Add(new HouseholdMember { Role = HouseholdRole.Applicant, BirthDate = Lease.AddYears(-30) });

        Assert.True(CiaClassifier.Classify(CiaClassifier.InputFor(dalo, Lease, null, 8861m, false)).IsPriorityPublic);
        Assert.False(CiaClassifier.Classify(CiaClassifier.InputFor(neither, Lease, null, 8861m, false)).IsPriorityPublic);
    }

    [Fact]
    public void Indicators_count_leases_of_the_year_up_to_the_date_and_say_what_is_still_needed_at_the_current_pace()
    {
        var q1 = Classify([Lease.AddYears(-50)], 500m);
        var q4 = Classify([Lease.AddYears(-50)], 3000m);
        var q1InQpv = Classify([Lease.AddYears(-50)], 500m, qpv: "QP011007");
        var priority = Classify([Lease.AddYears(-50)], 3000m, priority: true);
        CountedAllocation[] allocations =
        [
            new(new DateOnly(2026, 1, 10), 1, q1, 1, "01053"),
            new(new DateOnly(2026, 2, 10), 1, q4, 1, "01053"),
            new(new DateOnly(2026, 3, 10), 2, q4, 1, "01053"),
            new(new DateOnly(2026, 3, 20), 2, priority, 1, "01053"),
            new(new DateOnly(2026, 4, 1), 2, q1InQpv, 1, "01053"),
            new(new DateOnly(2026, 12, 1), 1, q1, 1, "01053"), // after the date: not counted yet
            new(new DateOnly(2025, 12, 31), 1, q1, 1, "01053"), // another year
        ];

        // 1 July: 182 days of 365, so the pace doubles the counts (×2.005).
        var indicators = CiaIndicatorCalculator.Compute(2026, new DateOnly(2026, 7, 1), allocations, CiaTargets.Default);

        Assert.Equal((4, 1), (indicators.OutsideQpvFirstQuartile.Total, indicators.OutsideQpvFirstQuartile.Met));
        Assert.Equal(25.0m, indicators.OutsideQpvFirstQuartile.SharePercent);
        Assert.True(indicators.OutsideQpvFirstQuartile.IsReached);
        Assert.Equal(8, indicators.OutsideQpvFirstQuartile.ProjectedTotal);
        Assert.Equal(1, indicators.OutsideQpvFirstQuartile.StillNeeded);
        Assert.Equal((1, 0), (indicators.InQpvOtherQuartiles.Total, indicators.InQpvOtherQuartiles.Met));
        Assert.False(indicators.InQpvOtherQuartiles.IsReached);
        Assert.Equal((5, 1), (indicators.PriorityPublics.Total, indicators.PriorityPublics.Met));
        Assert.Equal([(1, 2, 0), (2, 3, 1)], indicators.PriorityPublicsByReservataire.Select(r => (r.ReservataireId, r.Indicator.Total, r.Indicator.Met)));
        Assert.Equal([1, 1, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0], indicators.LeasesByMonth);
    }

    [Fact]
    public void Once_the_year_is_over_nothing_is_projected_and_unknown_quartiles_are_reported()
    {
        var unknown = Classify([Lease.AddYears(-50)], 500m, threshold: null);
        var indicators = CiaIndicatorCalculator.Compute(2026, new DateOnly(2027, 3, 1), [new(Lease, 1, unknown, 1, "01053"), new(Lease, 1, Classify([Lease.AddYears(-50)], 500m), 1, "01053")], CiaTargets.Default);

        Assert.Equal((2, 1, 1), (indicators.OutsideQpvFirstQuartile.Total, indicators.OutsideQpvFirstQuartile.Met, indicators.OutsideQpvFirstQuartile.Unknown));
        Assert.Equal(2, indicators.OutsideQpvFirstQuartile.ProjectedTotal);
        Assert.Equal(new DateOnly(2026, 12, 31), indicators.AsOf);
    }

    [Theory]
    [InlineData(0, 10, 25, 3)]
    [InlineData(3, 10, 25, 0)]
    [InlineData(2, 10, 25, 1)]
    [InlineData(0, 0, 25, 0)]
    [InlineData(5, 10, 50, 0)]
    public void Still_needed_is_the_target_share_of_the_projected_total_less_what_is_met_rounded_up(int met, int projected, int target, int expected) =>
        Assert.Equal(expected, CiaIndicatorCalculator.StillNeeded(met, projected, (decimal)target));
}

public class CaleolRulesTests
{
    private static readonly DateOnly Session = new(2026, 10, 5);

    [Fact]
    public void Fewer_than_three_candidates_need_a_reason_r441_3()
    {
        Assert.Contains(CaleolRules.ValidateCandidates(["A", "B"], null), e => e.Contains("R441-3", StringComparison.Ordinal));
        Assert.Empty(CaleolRules.ValidateCandidates(["A", "B"], "Insuffisance de candidats"));
        Assert.Empty(CaleolRules.ValidateCandidates(["A", "B", "C"], null));
        Assert.Contains("Indiquez au moins un candidat.", CaleolRules.ValidateCandidates([], "raison"));
        Assert.Contains(CaleolRules.ValidateCandidates(["A", "a", "B"], null), e => e.Contains("plusieurs fois", StringComparison.Ordinal));
    }

    [Fact]
    public void Decisions_need_ranks_for_attributions_reasons_otherwise_and_distinct_ranks()
    {
        var errors = CaleolRules.ValidateDecisions(
        [
            new("A", CaleolDecision.Attribution, null, null),
            new("B", CaleolDecision.NonAttribution, 2, null),
            new("C", CaleolDecision.ConditionalAttribution, null, " "),
            new("D", CaleolDecision.Attribution, 3, null),
            new("E", CaleolDecision.Attribution, 3, null),
            new("F", 0, null, null),
        ]).ToList();

        Assert.Contains("Candidat A : indiquez le rang de l'attribution (1 pour le premier).", errors);
        Assert.Contains("Candidat B : un rang ne s'indique que pour une attribution.", errors);
        Assert.Contains(errors, e => e.StartsWith("Candidat B : indiquez les motifs", StringComparison.Ordinal));
        Assert.Contains("Candidat C : indiquez la condition suspensive.", errors);
        Assert.Contains("Le rang 3 est donné à plusieurs candidats.", errors);
        Assert.Contains("Candidat F : choisissez une décision.", errors);
        Assert.Empty(CaleolRules.ValidateDecisions([new("A", CaleolDecision.Attribution, 1, null), new("B", CaleolDecision.Inadmissible, null, "Plafonds dépassés")]));
    }

    [Fact]
    public void An_answer_follows_an_attribution_and_is_dated_between_the_session_and_today()
    {
        var today = Session.AddDays(20);
        Assert.Null(CaleolRules.ValidateAnswer(CaleolDecision.Attribution, OfferAnswer.Accepted, Session.AddDays(3), Session, today));
        Assert.NotNull(CaleolRules.ValidateAnswer(CaleolDecision.NonAttribution, OfferAnswer.Accepted, Session.AddDays(3), Session, today));
        Assert.NotNull(CaleolRules.ValidateAnswer(CaleolDecision.Attribution, OfferAnswer.Refused, null, Session, today));
        Assert.NotNull(CaleolRules.ValidateAnswer(CaleolDecision.Attribution, OfferAnswer.Refused, Session.AddDays(-1), Session, today));
        Assert.NotNull(CaleolRules.ValidateAnswer(CaleolDecision.Attribution, OfferAnswer.Refused, today.AddDays(1), Session, today));
    }

    [Fact]
    public void Rank_two_accepts_only_once_those_ranked_above_have_refused_but_may_decline_at_any_time()
    {
        var today = Session.AddDays(20);
        Assert.Contains("classés avant", CaleolRules.ValidateAnswer(CaleolDecision.Attribution, OfferAnswer.Accepted, Session.AddDays(3), Session, today, rankedAboveStillIn: true), StringComparison.Ordinal);
        Assert.Null(CaleolRules.ValidateAnswer(CaleolDecision.Attribution, OfferAnswer.Refused, Session.AddDays(3), Session, today, rankedAboveStillIn: true));
        Assert.Null(CaleolRules.ValidateAnswer(CaleolDecision.Attribution, OfferAnswer.Accepted, Session.AddDays(3), Session, today, rankedAboveStillIn: false));
    }

    [Fact]
    public void A_lease_needs_an_accepted_attribution_is_the_only_one_and_follows_the_answer()
    {
        var today = Session.AddDays(30);
        var accepted = new Allocation { Decision = CaleolDecision.Attribution, Rank = 1, Answer = OfferAnswer.Accepted, AnsweredOn = Session.AddDays(5) };
        var refused = new Allocation { Decision = CaleolDecision.Attribution, Rank = 1, Answer = OfferAnswer.Refused, AnsweredOn = Session.AddDays(5) };

        Assert.Null(CaleolRules.ValidateLease(accepted, Session.AddDays(5), Session, today, anotherLeaseSigned: false));
        Assert.NotNull(CaleolRules.ValidateLease(accepted, Session.AddDays(4), Session, today, anotherLeaseSigned: false));
        Assert.NotNull(CaleolRules.ValidateLease(accepted, Session.AddDays(10), Session, today, anotherLeaseSigned: true));
        Assert.NotNull(CaleolRules.ValidateLease(refused, Session.AddDays(10), Session, today, anotherLeaseSigned: false));
        Assert.NotNull(CaleolRules.ValidateLease(accepted, today.AddDays(1), Session, today, anotherLeaseSigned: false));
        Assert.Contains("déjà signé un bail", CaleolRules.ValidateLease(accepted, Session.AddDays(10), Session, today, anotherLeaseSigned: false, demandAlreadyHoused: true), StringComparison.Ordinal);
    }
}
