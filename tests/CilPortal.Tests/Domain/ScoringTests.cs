using CilPortal.Domain.Demands;
using CilPortal.Domain.Scoring;
using CilPortal.Domain.Stock;
using CsCheck;

namespace CilPortal.Tests.Domain;

public class ScoringTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static ScoringFacts Facts(
        DateOnly? filedOn = null,
        bool priority = false,
        bool dalo = false,
        HousingSituation housing = HousingSituation.PrivateTenant,
        DemandSituations situations = DemandSituations.None,
        int householdSize = 1,
        bool singleParent = false,
        int? occupants = null,
        decimal? surface = null,
        decimal? rent = null,
        decimal resources = 1500m,
        IReadOnlyList<DateOnly>? refusals = null) =>
        new(filedOn ?? Today, priority, dalo, housing, situations, householdSize, singleParent, occupants, surface, rent, resources, refusals ?? []);

    private static ScoringGrid Grid(params ScoringCriterion[] criteria)
    {
        var grid = new ScoringGrid { Title = "Test", Version = 1 };
        grid.Criteria.AddRange(criteria);
        return grid;
    }

    private static ScoringCriterion Situation(ScoringCondition condition, int points, string group = "", decimal? threshold = null) =>
        new() { Code = condition.ToString().ToUpperInvariant()[..Math.Min(20, condition.ToString().Length)], Label = condition.French(), Kind = ScoringCriterionKind.Situation, Condition = condition, Points = points, Group = group, Threshold = threshold };

    private static int Score(ScoringGrid grid, ScoringFacts facts, DateOnly? on = null) => new ScoreCalculator(grid).Compute(facts, on ?? Today).Total;

    public static TheoryData<ScoringCondition, ScoringFacts, bool> Conditions => new()
    {
        { ScoringCondition.PriorityPublic, Facts(priority: true), true },
        { ScoringCondition.PriorityPublic, Facts(), false },
        { ScoringCondition.DaloRecognised, Facts(dalo: true), true },
        { ScoringCondition.WithoutHousing, Facts(housing: HousingSituation.WithoutHousing), true },
        { ScoringCondition.WithoutHousing, Facts(housing: HousingSituation.Shelter), false },
        { ScoringCondition.HostedByThirdParty, Facts(housing: HousingSituation.HostedByFamilyOrFriends), true },
        { ScoringCondition.InShelter, Facts(housing: HousingSituation.Shelter), true },
        { ScoringCondition.DomesticViolence, Facts(situations: DemandSituations.DomesticViolence), true },
        { ScoringCondition.DomesticViolence, Facts(situations: DemandSituations.Disability), false },
        { ScoringCondition.Disability, Facts(situations: DemandSituations.Disability | DemandSituations.JobNearby), true },
        { ScoringCondition.EvictionThreat, Facts(situations: DemandSituations.EvictionThreat), true },
        { ScoringCondition.UnfitHousing, Facts(situations: DemandSituations.UnfitHousing), true },
        { ScoringCondition.JobNearby, Facts(situations: DemandSituations.JobNearby), true },
        { ScoringCondition.ResumingWork, Facts(situations: DemandSituations.ResumingWork), true },
        { ScoringCondition.UrbanRenewalRehousing, Facts(situations: DemandSituations.UrbanRenewalRehousing), true },
        { ScoringCondition.SingleParent, Facts(singleParent: true), true },
        { ScoringCondition.SingleParent, Facts(), false },

        // Decency norm: 16 m² for two, + 9 per person: 4 persons need 34 m².
        { ScoringCondition.OverOccupation, Facts(householdSize: 4, surface: 33.9m), true },
        { ScoringCondition.OverOccupation, Facts(householdSize: 4, surface: 34m), false },
        { ScoringCondition.OverOccupation, Facts(householdSize: 1, occupants: 4, surface: 30m), true },
        { ScoringCondition.OverOccupation, Facts(householdSize: 4, surface: null), false },

        // Burden above 30 % of resources: 451 € of 1 500 € is 30.1 %.
        { ScoringCondition.HousingCostBurden, Facts(rent: 451m, resources: 1500m), true },
        { ScoringCondition.HousingCostBurden, Facts(rent: 450m, resources: 1500m), false },
        { ScoringCondition.HousingCostBurden, Facts(rent: 300m, resources: 0m), true },
        { ScoringCondition.HousingCostBurden, Facts(rent: null, resources: 0m), false },
    };

    [Theory]
    [MemberData(nameof(Conditions))]
    public void A_situation_criterion_gives_its_points_when_its_condition_holds(ScoringCondition condition, ScoringFacts facts, bool holds)
    {
        var grid = Grid(Situation(condition, 20, threshold: condition == ScoringCondition.HousingCostBurden ? 30m : null));

        var result = new ScoreCalculator(grid).Compute(facts, Today);

        Assert.Equal(holds ? 20 : 0, result.Total);
        Assert.Equal(holds ? 1 : 0, result.Lines.Count);
        Assert.All(result.Lines, line => Assert.False(string.IsNullOrWhiteSpace(line.Reason)));
    }

    [Theory]
    [InlineData("2026-11-28", 0)]
    [InlineData("2026-10-29", 0)]
    [InlineData("2026-10-28", 1)]
    [InlineData("2025-11-28", 12)]
    [InlineData("2021-11-28", 60)]
    [InlineData("2016-01-01", 60)]
    [InlineData("2027-01-01", 0)]
    public void Seniority_counts_full_months_up_to_its_cap(string filedOn, int expected)
    {
        var grid = Grid(new ScoringCriterion { Code = "ANC", Label = "Ancienneté", Kind = ScoringCriterionKind.Seniority, Points = 1, MaxPoints = 60 });

        Assert.Equal(expected, Score(grid, Facts(filedOn: DateOnly.Parse(filedOn, System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void A_month_from_a_day_the_next_month_lacks_is_complete_on_that_months_last_day()
    {
        Assert.Equal(0, ScoreCalculator.FullMonthsBetween(new DateOnly(2026, 1, 31), new DateOnly(2026, 2, 27)));
        Assert.Equal(1, ScoreCalculator.FullMonthsBetween(new DateOnly(2026, 1, 31), new DateOnly(2026, 2, 28)));
        Assert.Equal(1, ScoreCalculator.FullMonthsBetween(new DateOnly(2026, 1, 15), new DateOnly(2026, 2, 15)));
    }

    [Theory]
    [InlineData("2026-11-28", 1)]
    [InlineData("2025-11-29", 1)]
    [InlineData("2025-11-28", 0)]
    [InlineData("2026-11-29", 0)]
    public void A_refusal_counts_for_the_duration_of_the_criterion_from_the_day_it_was_made(string refusedOn, int counted)
    {
        var grid = Grid(
            Situation(ScoringCondition.PriorityPublic, 30),
            new ScoringCriterion { Code = "REFUS", Label = "Refus", Kind = ScoringCriterionKind.RefusalPenalty, Points = 10, DurationMonths = 12 });

        var total = Score(grid, Facts(priority: true, refusals: [DateOnly.Parse(refusedOn, System.Globalization.CultureInfo.InvariantCulture)]));

        Assert.Equal(30 - (10 * counted), total);
    }

    [Fact]
    public void Each_refusal_in_the_window_withdraws_points_and_the_score_stops_at_zero_with_a_line_saying_so()
    {
        var grid = Grid(
            Situation(ScoringCondition.PriorityPublic, 15),
            new ScoringCriterion { Code = "REFUS", Label = "Refus", Kind = ScoringCriterionKind.RefusalPenalty, Points = 10, DurationMonths = 12 });

        var result = new ScoreCalculator(grid).Compute(Facts(priority: true, refusals: [Today.AddMonths(-2), Today.AddMonths(-1)]), Today);

        Assert.Equal(0, result.Total);
        Assert.Equal([15, -20, 5], result.Lines.Select(l => l.Points));
        Assert.Equal(ScoreCalculator.FloorCode, result.Lines[^1].Code);
    }

    [Fact]
    public void A_group_is_held_to_its_cap_by_a_line_of_its_own_while_other_groups_are_not()
    {
        var grid = Grid(
            Situation(ScoringCondition.WithoutHousing, 20, "Logement"),
            Situation(ScoringCondition.EvictionThreat, 20, "Logement"),
            Situation(ScoringCondition.UnfitHousing, 20, "Logement"),
            Situation(ScoringCondition.Disability, 15, "Personnel"));
        grid.Caps.Add(new ScoringGroupCap { Group = "Logement", MaxPoints = 40 });

        var result = new ScoreCalculator(grid).Compute(
            Facts(housing: HousingSituation.WithoutHousing, situations: DemandSituations.EvictionThreat | DemandSituations.UnfitHousing | DemandSituations.Disability), Today);

        Assert.Equal(55, result.Total);
        var cap = Assert.Single(result.Lines, l => l.Code == ScoreCalculator.CapCode);
        Assert.Equal(-20, cap.Points);
        Assert.Contains("Logement", cap.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void The_example_grid_is_valid_published_and_marked_as_an_example()
    {
        var grid = ExampleGrid.Create(new DateOnly(2026, 1, 1), DateTimeOffset.UnixEpoch);

        Assert.Empty(grid.Validate());
        Assert.True(grid.IsExample);
        Assert.True(grid.IsPublished);
        Assert.Contains("exemple", grid.Title, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Validation_explains_in_french_what_is_wrong_with_a_grid()
    {
        var grid = Grid(
            new ScoringCriterion { Code = "A", Label = "Un", Kind = ScoringCriterionKind.Situation, Condition = null, Points = 5 },
            new ScoringCriterion { Code = "a", Label = "Deux", Kind = ScoringCriterionKind.Seniority, Points = 1, MaxPoints = null },
            new ScoringCriterion { Code = "R", Label = "Trois", Kind = ScoringCriterionKind.RefusalPenalty, Points = -3, DurationMonths = 0 },
            new ScoringCriterion { Code = "T", Label = "Quatre", Kind = ScoringCriterionKind.Situation, Condition = ScoringCondition.HousingCostBurden, Points = 5, Threshold = 0 });
        grid.Caps.Add(new ScoringGroupCap { Group = "Inconnu", MaxPoints = 10 });

        var problems = grid.Validate();

        Assert.Contains(problems, p => p.Contains("plusieurs critères", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Choisissez la situation", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("maximum de points d'ancienneté", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("entre 0 et 1 000", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("combien de mois", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("seuil de taux d'effort", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("ne s'applique à aucun critère", StringComparison.Ordinal));
    }

    [Fact]
    public void The_grid_in_force_is_the_published_one_with_the_latest_effective_date_not_after_the_day()
    {
        var v1 = new ScoringGrid { Id = 1, Version = 1, Status = ScoringGridStatus.Published, EffectiveFrom = new DateOnly(2026, 1, 1) };
        var v2 = new ScoringGrid { Id = 2, Version = 2, Status = ScoringGridStatus.Published, EffectiveFrom = new DateOnly(2027, 1, 1) };
        var draft = new ScoringGrid { Id = 3, Version = 3, Status = ScoringGridStatus.Draft };

        Assert.Same(v1, ScoringGrid.InForce([v1, v2, draft], new DateOnly(2026, 12, 31)));
        Assert.Same(v2, ScoringGrid.InForce([v1, v2, draft], new DateOnly(2027, 1, 1)));
        Assert.Null(ScoringGrid.InForce([v1, v2, draft], new DateOnly(2025, 12, 31)));
    }

    [Fact]
    public void Similar_demands_are_ranked_by_score_then_by_seniority()
    {
        var ranks = SimilarDemands.Rank(
        [
            new RankedDemand(1, "T3|11262", 40, new DateOnly(2025, 1, 1)),
            new RankedDemand(2, "T3|11262", 55, new DateOnly(2026, 1, 1)),
            new RankedDemand(3, "T3|11262", 40, new DateOnly(2024, 6, 1)),
            new RankedDemand(4, "T2|11262", 10, new DateOnly(2024, 6, 1)),
            new RankedDemand(5, null, 99, new DateOnly(2024, 6, 1)),
        ]);

        Assert.Equal((1, 3), ranks[2]);
        Assert.Equal((2, 3), ranks[3]);
        Assert.Equal((3, 3), ranks[1]);
        Assert.Equal((1, 1), ranks[4]);
        Assert.False(ranks.ContainsKey(5));
        Assert.Equal((Typology.T3, "11262"), SimilarDemands.Parse(SimilarDemands.Key(Typology.T3, "11262")));
    }

    [Fact]
    public void The_histogram_uses_round_bars_and_marks_the_applicants_own_bar()
    {
        var bars = ScoreHistogram.Build([0, 5, 12, 18, 37, 95], 18);

        Assert.Equal(10, bars.Count);
        Assert.All(bars, b => Assert.Equal(9, b.To - b.From));
        Assert.Equal(6, bars.Sum(b => b.Count));
        var own = Assert.Single(bars, b => b.ContainsOwnScore);
        Assert.Equal((10, 19, 2), (own.From, own.To, own.Count));
        Assert.DoesNotContain(ScoreHistogram.Build([3, 4], null), b => b.ContainsOwnScore);
    }

    [Fact]
    public void The_histogram_from_counts_per_score_is_the_histogram_of_the_scores()
    {
        int[] scores = [0, 5, 5, 12, 18, 18, 18, 37, 95, 140];
        ScoreCount[] counts = [new(0, 1), new(5, 2), new(12, 1), new(18, 3), new(37, 1), new(95, 1), new(140, 1)];

        Assert.Equal(ScoreHistogram.Build(scores, 18), ScoreHistogram.Build(counts, 18));
        Assert.Equal(ScoreHistogram.Build(scores, 200, 250), ScoreHistogram.Build(counts, 200, 250));
        Assert.Equal(10, ScoreHistogram.Build(counts, null).Sum(b => b.Count));
    }

    [Fact]
    public void Comparing_two_grids_reports_the_largest_moves_and_rank_changes_per_typology()
    {
        var demands = new List<ComparedDemand>
        {
            new(1, "A", "T2|11262", new DateOnly(2025, 1, 1), 10, 50),
            new(2, "B", "T2|11262", new DateOnly(2024, 1, 1), 30, 30),
            new(3, "C", "T3|11262", new DateOnly(2024, 1, 1), 20, 15),
        };

        var comparison = GridComparison.Compare(demands);

        Assert.Equal(1, comparison.Raised);
        Assert.Equal(1, comparison.Lowered);
        Assert.Equal("A", comparison.LargestMoves[0].Nur);
        Assert.Equal((2, 1), (comparison.LargestMoves[0].RankBefore!.Value, comparison.LargestMoves[0].RankAfter!.Value));
        var t2 = Assert.Single(comparison.RankChangesByTypology, r => r.Typology == Typology.T2);
        Assert.Equal((2, 2, 1), (t2.Demands, t2.Changed, t2.LargestMove));
        Assert.Equal(comparison.Before.Count, comparison.After.Count);
    }

    // Property-based tests (CsCheck): random households against random versions of the example grid.
    private static readonly Gen<ScoringFacts> AnyFacts =
        Gen.Select(
            Gen.Select(Gen.Int[0, 4000], Gen.Bool, Gen.Bool, Gen.Enum<HousingSituation>(), Gen.Int[0, 127]),
            Gen.Select(Gen.Int[1, 9], Gen.Bool, Gen.Int[0, 9], Gen.Int[0, 120], Gen.Int[0, 1500]),
            Gen.Select(Gen.Int[0, 5000], Gen.Int[0, 900].Array[0, 4]),
            (a, b, c) => new ScoringFacts(
                Today.AddDays(-a.Item1), a.Item2, a.Item3, a.Item4, (DemandSituations)a.Item5,
                b.Item1, b.Item2, b.Item3 == 0 ? null : b.Item3, b.Item4 == 0 ? null : b.Item4, b.Item5 == 0 ? null : b.Item5,
                c.Item1, [.. c.Item2.Select(d => Today.AddDays(-d))]));

    private static readonly Gen<ScoringGrid> AnyGrid =
        Gen.Select(Gen.Int[0, 60].Array[17], Gen.Int[0, 120].Array[3], Gen.Int[1, 24], (points, caps, months) =>
        {
            var grid = ExampleGrid.Create(new DateOnly(2026, 1, 1), DateTimeOffset.UnixEpoch);
            for (var i = 0; i < grid.Criteria.Count; i++)
            {
                grid.Criteria[i].Points = points[i];
            }

            grid.Criteria.Single(c => c.Kind == ScoringCriterionKind.RefusalPenalty).DurationMonths = months;
            for (var i = 0; i < grid.Caps.Count; i++)
            {
                grid.Caps[i].MaxPoints = caps[i];
            }

            return grid;
        });

    [Fact]
    public void A_score_is_never_negative_and_its_breakdown_always_adds_up_to_it() =>
        Gen.Select(AnyGrid, AnyFacts).Sample((grid, facts) =>
        {
            var result = new ScoreCalculator(grid).Compute(facts, Today);
            Assert.True(result.Total >= 0);
            Assert.Equal(result.Total, result.Lines.Sum(l => l.Points));
            Assert.Equal(result, new ScoreCalculator(grid).Compute(facts, Today) with { Lines = result.Lines });
        }, iter: 2000);

    [Fact]
    public void Meeting_one_more_criterion_never_lowers_the_score() =>
        Gen.Select(AnyGrid, AnyFacts, Gen.Int[0, 8]).Sample((grid, facts, extra) =>
        {
            var more = extra switch
            {
                0 => facts with { IsPriorityPublic = true },
                1 => facts with { IsDaloRecognised = true },
                2 => facts with { IsSingleParent = true },
                _ => facts with { Situations = facts.Situations | (DemandSituations)(1 << (extra - 2)) },
            };
            var calculator = new ScoreCalculator(grid);
            Assert.True(calculator.Compute(more, Today).Total >= calculator.Compute(facts, Today).Total);
        }, iter: 2000);

    [Fact]
    public void Waiting_one_more_month_never_lowers_the_score() =>
        Gen.Select(AnyGrid, AnyFacts).Sample((grid, facts) =>
        {
            var calculator = new ScoreCalculator(grid);
            var withoutRefusals = facts with { RefusalDates = [] };
            Assert.True(calculator.Compute(withoutRefusals, Today.AddMonths(1)).Total >= calculator.Compute(withoutRefusals, Today).Total);
        }, iter: 1000);
}
