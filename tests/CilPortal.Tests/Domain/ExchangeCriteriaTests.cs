using CilPortal.Domain.Exchanges;
using CilPortal.Domain.Stock;
using CsCheck;

namespace CilPortal.Tests.Domain;

public class ExchangeCriteriaTests
{
    internal const string Villeurbanne = "69266";
    internal const string Bron = "69029";

    /// <summary>A T3 of 68 m² at 610 € in Villeurbanne, second floor, no lift, no feature.</summary>
    internal static ExchangeDwelling Dwelling(
        string commune = Villeurbanne,
        Typology typology = Typology.T3,
        decimal surface = 68m,
        decimal rent = 610m,
        int floor = 2,
        Accessibility accessibility = Accessibility.None,
        ExchangeFeatures features = ExchangeFeatures.None) =>
        new(commune, false, typology, surface, rent, floor, accessibility, features);

    /// <summary>A wish that accepts everything unless told otherwise.</summary>
    internal static ExchangeWish Wish(
        string[]? communes = null,
        TypologySet typologies = TypologySet.None,
        decimal? maxRent = null,
        decimal? minSurface = null,
        int? maxFloorWithoutLift = null,
        Accessibility required = Accessibility.None,
        ExchangeFeatures mustHaves = ExchangeFeatures.None) =>
        new(new HashSet<string>(communes ?? [], StringComparer.Ordinal), typologies, maxRent, minSurface, maxFloorWithoutLift, required, mustHaves);

    [Fact]
    public void An_open_wish_accepts_any_dwelling() =>
        Assert.True(ExchangeCriteria.Accepts(Wish(), Dwelling()));

    [Theory]
    [InlineData(Villeurbanne, true)]
    [InlineData(Bron, false)]
    public void The_commune_must_be_one_of_the_wish(string commune, bool accepted)
    {
        var wish = Wish(communes: [Villeurbanne, "69259"]);
        Assert.Equal(accepted, ExchangeCriteria.Accepts(wish, Dwelling(commune: commune)));
    }

    [Theory]
    [InlineData(Typology.T2, false)]
    [InlineData(Typology.T3, true)]
    [InlineData(Typology.T4, true)]
    [InlineData(Typology.T5, false)]
    public void The_typology_must_be_one_of_the_wish(Typology typology, bool accepted) =>
        Assert.Equal(accepted, ExchangeCriteria.Accepts(Wish(typologies: TypologySet.T3 | TypologySet.T4), Dwelling(typology: typology)));

    [Theory]
    [InlineData("610.00", true)]
    [InlineData("609.99", false)]
    [InlineData("610.01", true)]
    public void Rent_with_charges_may_equal_the_maximum_but_not_exceed_it(string max, bool accepted) =>
        Assert.Equal(accepted, ExchangeCriteria.Accepts(Wish(maxRent: decimal.Parse(max, System.Globalization.CultureInfo.InvariantCulture)), Dwelling(rent: 610m)));

    [Theory]
    [InlineData("68", true)]
    [InlineData("68.01", false)]
    [InlineData("67.99", true)]
    public void Surface_may_equal_the_minimum_but_not_fall_below_it(string min, bool accepted) =>
        Assert.Equal(accepted, ExchangeCriteria.Accepts(Wish(minSurface: decimal.Parse(min, System.Globalization.CultureInfo.InvariantCulture)), Dwelling(surface: 68m)));

    [Theory]
    [InlineData(3, 3, ExchangeFeatures.None, true)]
    [InlineData(4, 3, ExchangeFeatures.None, false)]
    [InlineData(0, 0, ExchangeFeatures.None, true)]
    [InlineData(1, 0, ExchangeFeatures.None, false)]
    [InlineData(9, 0, ExchangeFeatures.Lift, true)]
    public void Without_a_lift_the_floor_is_at_most_the_limit(int floor, int limit, ExchangeFeatures features, bool accepted) =>
        Assert.Equal(accepted, ExchangeCriteria.Accepts(Wish(maxFloorWithoutLift: limit), Dwelling(floor: floor, features: features)));

    [Fact]
    public void Without_a_floor_limit_any_floor_will_do() =>
        Assert.True(ExchangeCriteria.Accepts(Wish(), Dwelling(floor: 14)));

    [Theory]
    [InlineData(Accessibility.None, Accessibility.None, true)]
    [InlineData(Accessibility.None, Accessibility.Adaptable, false)]
    [InlineData(Accessibility.Adaptable, Accessibility.Adaptable, true)]
    [InlineData(Accessibility.Adaptable, Accessibility.WheelchairAdapted, false)]
    [InlineData(Accessibility.WheelchairAdapted, Accessibility.Adaptable, true)]
    [InlineData(Accessibility.WheelchairAdapted, Accessibility.WheelchairAdapted, true)]
    public void Accessibility_must_reach_the_level_required(Accessibility dwelling, Accessibility required, bool accepted) =>
        Assert.Equal(accepted, ExchangeCriteria.Accepts(Wish(required: required), Dwelling(accessibility: dwelling)));

    [Theory]
    [InlineData(ExchangeFeatures.Parking, ExchangeFeatures.Parking | ExchangeFeatures.OutdoorSpace, true)]
    [InlineData(ExchangeFeatures.Parking | ExchangeFeatures.Lift, ExchangeFeatures.Parking | ExchangeFeatures.Lift, true)]
    [InlineData(ExchangeFeatures.Parking | ExchangeFeatures.Lift, ExchangeFeatures.Parking, false)]
    [InlineData(ExchangeFeatures.IndividualHeating, ExchangeFeatures.None, false)]
    public void Every_must_have_feature_must_be_present(ExchangeFeatures mustHaves, ExchangeFeatures has, bool accepted) =>
        Assert.Equal(accepted, ExchangeCriteria.Accepts(Wish(mustHaves: mustHaves), Dwelling(features: has)));

    [Fact]
    public void The_score_adds_the_fit_the_rent_margin_the_surface_margin_and_the_features()
    {
        // 10 + 35 × 40/130 + 35 × 8/12 + 5 × 2 = 10 + 10.77 + 23.33 + 10 = 54.1
        var wish = Wish(maxRent: 650m, minSurface: 60m);
        var dwelling = Dwelling(features: ExchangeFeatures.OutdoorSpace | ExchangeFeatures.Parking);
        Assert.Equal(54, ExchangeCriteria.Score(wish, dwelling));
    }

    [Fact]
    public void The_score_runs_from_10_for_a_bare_fit_to_100_and_is_0_when_refused()
    {
        Assert.Equal(10, ExchangeCriteria.Score(Wish(maxRent: 610m, minSurface: 68m), Dwelling()));
        var all = ExchangeFeatures.OutdoorSpace | ExchangeFeatures.Parking | ExchangeFeatures.Lift | ExchangeFeatures.IndividualHeating;
        Assert.Equal(100, ExchangeCriteria.Score(Wish(maxRent: 800m, minSurface: 50m), Dwelling(features: all)));
        Assert.Equal(45, ExchangeCriteria.Score(Wish(), Dwelling()));
        Assert.Equal(0, ExchangeCriteria.Score(Wish(maxRent: 600m), Dwelling()));
    }

    [Fact]
    public void The_margins_earn_full_points_from_20_percent()
    {
        // Rent 20 % under the maximum (610 = 0.8 × 762.50): 35 points; surface exactly the minimum: none.
        Assert.Equal(45, ExchangeCriteria.Score(Wish(maxRent: 762.5m, minSurface: 68m), Dwelling()));
        Assert.Equal(45, ExchangeCriteria.Score(Wish(maxRent: 2000m, minSurface: 68m), Dwelling()));
        // Surface 20 % over the minimum (68 = 1.2 × 56.67): 35 points.
        Assert.Equal(45, ExchangeCriteria.Score(Wish(maxRent: 610m, minSurface: 56m), Dwelling()));
    }

    [Fact]
    public void The_explanation_names_the_dwelling_and_gives_one_reason_per_rule()
    {
        var wish = Wish(communes: [Villeurbanne], typologies: TypologySet.T3 | TypologySet.T4, maxRent: 650m, minSurface: 60m, maxFloorWithoutLift: 3, mustHaves: ExchangeFeatures.OutdoorSpace);
        var dwelling = Dwelling(features: ExchangeFeatures.OutdoorSpace | ExchangeFeatures.Parking);

        var explanation = ExchangeCriteria.Explain(wish, dwelling, "Locataire B", code => code == Villeurbanne ? "Villeurbanne" : code);

        Assert.True(explanation.IsAccepted);
        Assert.Equal(ExchangeCriteria.Score(wish, dwelling), explanation.Score);
        Assert.Equal("Le logement de Locataire B (T3, 68 m², 610 € charges comprises, Villeurbanne) correspond à vos critères :", explanation.Summary);
        Assert.Equal(
            [
                "À Villeurbanne, la commune que vous avez choisie.",
                "Un T3, comme vous le cherchez (T3 ou T4).",
                "610 € charges comprises, 40 € de moins que votre maximum de 650 €.",
                "68 m², 8 m² de plus que votre minimum de 60 m².",
                "2e étage sans ascenseur, dans votre limite (3e étage au plus sans ascenseur).",
                "Un balcon, une terrasse ou un jardin, que vous demandez.",
                "En plus : un parking ou un garage.",
            ],
            explanation.Reasons.Select(r => r.Text));
        Assert.All(explanation.Reasons, r => Assert.True(r.IsMet));
    }

    [Fact]
    public void A_refused_dwelling_is_explained_by_the_rules_it_breaks()
    {
        var wish = Wish(communes: [Villeurbanne, Bron], maxRent: 580.5m, required: Accessibility.Adaptable, mustHaves: ExchangeFeatures.Parking);

        var explanation = ExchangeCriteria.Explain(wish, Dwelling(rent: 612.5m), "Locataire C");

        Assert.False(explanation.IsAccepted);
        Assert.Equal(0, explanation.Score);
        Assert.EndsWith("ne correspond pas à vos critères :", explanation.Summary, StringComparison.Ordinal);
        Assert.Equal(
            [
                "612,50 € charges comprises, 32 € de plus que votre maximum de 580,50 €.",
                "Logement ni adaptable ni adapté, alors qu’il vous faut un logement au moins adaptable.",
                "Pas de parking ni garage, que vous demandez.",
            ],
            explanation.Reasons.Where(r => !r.IsMet).Select(r => r.Text));
        Assert.Equal(
            [ExchangeCriterion.Rent, ExchangeCriterion.Accessibility, ExchangeCriterion.MustHave],
            explanation.Reasons.Where(r => !r.IsMet).Select(r => r.Criterion));
    }

    [Fact]
    public void The_explanation_says_when_a_rule_is_left_open()
    {
        var explanation = ExchangeCriteria.Explain(Wish(), Dwelling(floor: 0, features: ExchangeFeatures.Lift), "Locataire D");

        Assert.Equal(
            [
                "À 69266 : toutes les communes vous conviennent.",
                "Un T3 : toutes les tailles vous conviennent.",
                "610 € charges comprises : vous n’avez pas fixé de loyer maximum.",
                "68 m² : vous n’avez pas fixé de surface minimum.",
                "Rez-de-chaussée, avec ascenseur.",
                "En plus : un ascenseur.",
            ],
            explanation.Reasons.Select(r => r.Text));
    }

    // Property-based tests (CsCheck): random wishes against random dwellings.
    internal static readonly string[] Communes = [Villeurbanne, Bron, "69259", "69381"];

    internal static readonly Gen<ExchangeDwelling> AnyDwelling =
        Gen.Select(
            Gen.Select(Gen.Int[0, Communes.Length - 1], Gen.Int[2, 4], Gen.Int[80, 180], Gen.Int[40, 75]),
            Gen.Select(Gen.Int[0, 6], Gen.Int[0, 2], Gen.Int[0, 15], Gen.Int[0, 3]),
            (a, b) => new ExchangeDwelling(
                Communes[a.Item1], false, (Typology)a.Item2, a.Item3 / 2m, (a.Item4 * 10m) + (b.Item4 == 0 ? 0.5m : 0m),
                b.Item1, (Accessibility)b.Item2, (ExchangeFeatures)b.Item3));

    internal static readonly Gen<ExchangeWish> AnyWish =
        Gen.Select(
            Gen.Select(Gen.Int[0, 31], Gen.Int[0, 63], Gen.Int[0, 45], Gen.Int[0, 60]),
            Gen.Select(Gen.Int[-1, 4], Gen.Int[0, 9], Gen.Int[0, 15], Gen.Int[0, 15]),
            (a, b) => new ExchangeWish(
                new HashSet<string>(Enumerable.Range(0, 5).Where(i => (a.Item1 & (1 << i)) != 0).Select(i => i < Communes.Length ? Communes[i] : "99999"), StringComparer.Ordinal),
                (TypologySet)a.Item2,
                a.Item3 < 10 ? null : 300m + (a.Item3 * 10m) + (a.Item3 % 3 == 0 ? 0.5m : 0m),
                a.Item4 < 15 ? null : a.Item4 + 10m + (a.Item4 % 4 == 0 ? 0.5m : 0m),
                b.Item1 < 0 ? null : b.Item1,
                b.Item2 < 7 ? Accessibility.None : b.Item2 < 9 ? Accessibility.Adaptable : Accessibility.WheelchairAdapted,
                (ExchangeFeatures)(b.Item3 & b.Item4)));

    [Fact]
    public void An_accepted_dwelling_scores_10_to_100_and_the_explanation_agrees_with_the_rules() =>
        Gen.Select(AnyWish, AnyDwelling).Sample((wish, dwelling) =>
        {
            var accepted = ExchangeCriteria.Accepts(wish, dwelling);
            var score = ExchangeCriteria.Score(wish, dwelling);
            Assert.True(accepted ? score is >= 10 and <= 100 : score == 0);
            var explanation = ExchangeCriteria.Explain(wish, dwelling, "Locataire B");
            Assert.Equal((accepted, score), (explanation.IsAccepted, explanation.Score));
            Assert.Equal(accepted, explanation.Reasons.All(r => r.IsMet));
        }, iter: 3000);

    [Fact]
    public void A_cheaper_or_larger_dwelling_or_one_more_feature_never_lowers_the_score() =>
        Gen.Select(AnyWish, AnyDwelling, Gen.Int[0, 3]).Sample((wish, dwelling, change) =>
        {
            var better = change switch
            {
                0 => dwelling with { RentWithCharges = dwelling.RentWithCharges - 15m },
                1 => dwelling with { Surface = dwelling.Surface + 4m },
                2 => dwelling with { Features = dwelling.Features | ExchangeFeatures.Parking },
                _ => dwelling with { Features = dwelling.Features | ExchangeFeatures.IndividualHeating },
            };
            if (ExchangeCriteria.Accepts(wish, dwelling))
            {
                Assert.True(ExchangeCriteria.Accepts(wish, better));
                Assert.True(ExchangeCriteria.Score(wish, better) >= ExchangeCriteria.Score(wish, dwelling));
            }
        }, iter: 3000);
}
