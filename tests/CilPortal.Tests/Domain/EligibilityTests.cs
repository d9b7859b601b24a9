using CilPortal.Domain.Eligibility;
using CilPortal.Domain.Stock;
using CilPortal.Domain.Territory;
using CilPortal.Infrastructure.Seeding;

namespace CilPortal.Tests.Domain;

public class EligibilityTests
{
    /// <summary>The official definitions of the categories (arrêté du 29 juillet 1987), one line each.</summary>
    [Theory]
    [InlineData(1, 0, false, false, 1, 0)] // one person
    [InlineData(2, 0, false, false, 2, 0)] // two persons without dependants
    [InlineData(1, 0, true, false, 2, 0)] // one disabled person
    [InlineData(3, 0, false, false, 3, 0)] // three persons
    [InlineData(1, 1, false, false, 3, 0)] // one person with one dependant
    [InlineData(2, 0, false, true, 3, 0)] // a young couple
    [InlineData(2, 0, true, false, 3, 0)] // two persons of whom one disabled
    [InlineData(2, 2, false, false, 4, 0)] // four persons
    [InlineData(1, 2, false, false, 4, 0)] // one person with two dependants
    [InlineData(3, 0, true, false, 4, 0)] // three persons of whom one disabled
    [InlineData(2, 3, false, false, 5, 0)] // five persons
    [InlineData(1, 3, false, false, 5, 0)] // one person with three dependants
    [InlineData(2, 2, true, false, 5, 0)] // four persons of whom one disabled
    [InlineData(2, 4, false, false, 6, 0)] // six persons
    [InlineData(1, 4, false, false, 6, 0)] // one person with four dependants
    [InlineData(2, 3, true, false, 6, 0)] // five persons of whom one disabled
    [InlineData(2, 5, false, false, 6, 1)] // seven persons: one beyond the sixth category
    [InlineData(2, 6, true, false, 6, 3)] // eight persons, one disabled
    [InlineData(1, 1, true, false, 3, 0)] // a single parent of a disabled child moves up once, not twice
    [InlineData(2, 1, false, true, 3, 0)] // "young couple" only applies without dependants
    public void Household_category_follows_the_official_definitions(int adults, int dependants, bool disabled, bool youngCouple, int category, int extra)
    {
        var result = HouseholdCategory.For(new HouseholdComposition(adults, dependants, disabled, youngCouple));

        Assert.Equal(new HouseholdCategory(category, extra), result);
    }

    [Theory]
    [InlineData(27, 28, true)]
    [InlineData(27, 29, false)]
    public void A_young_couple_is_at_most_55_years_together(int first, int second, bool young) =>
        Assert.Equal(young, HouseholdCategory.IsYoungCouple(first, second));

    [Fact]
    public void A_household_without_an_adult_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HouseholdCategory.For(new HouseholdComposition(0, 2, false, false)));

    [Fact]
    public void Official_2026_plus_ceilings_give_pls_at_130_percent_and_say_plai_is_missing()
    {
        var scales = ReferenceDataSeeder.ReadIncomeCeilings().Where(s => s.Zone == IncomeCeilingZone.OtherRegions).ToList();
        var single = new HouseholdCategory(1, 0);

        var lines = EligibilityCheck.Evaluate(single, 23403m, 2026, scales);

        var plus = lines.Single(l => l.Financing == Financing.Plus);
        Assert.Equal(23403m, plus.Ceiling);
        Assert.True(plus.IsEligible);
        var pls = lines.Single(l => l.Financing == Financing.Pls);
        Assert.Equal(30424m, pls.Ceiling);
        var plai = lines.Single(l => l.Financing == Financing.Plai);
        Assert.Null(plai.IsEligible);
        Assert.Contains("PLAI de 2026", plai.MissingReason, StringComparison.Ordinal);
    }

    [Fact]
    public void One_euro_above_the_ceiling_is_not_eligible_and_extra_persons_raise_the_ceiling()
    {
        var plus2026 = ReferenceDataSeeder.ReadIncomeCeilings().Single(s => s.Zone == IncomeCeilingZone.OtherRegions && s.Financing == Financing.Plus && s.Year == 2026);

        Assert.False(EligibilityCheck.Evaluate(new HouseholdCategory(1, 0), 23404m, 2026, [plus2026]).Single(l => l.Financing == Financing.Plus).IsEligible);
        Assert.Equal(60156m + (2 * 6710m), plus2026.CeilingFor(new HouseholdCategory(6, 2)));
    }

    [Fact]
    public void The_seeded_table_has_plai_until_2022_and_plus_until_2026()
    {
        var scales = ReferenceDataSeeder.ReadIncomeCeilings();

        Assert.Equal(2022, scales.Where(s => s.Financing == Financing.Plai).Max(s => s.Year));
        Assert.Equal(2026, scales.Where(s => s.Financing == Financing.Plus).Max(s => s.Year));
        Assert.All(scales, s => Assert.Empty(s.Validate()));
        Assert.All(scales, s => Assert.True(s.Year >= 2002));
        Assert.DoesNotContain(scales, s => s is { Financing: Financing.Plai, Zone: IncomeCeilingZone.ParisAndAdjoiningCommunes, Year: 2022 });
    }

    [Fact]
    public void A_scale_with_a_lower_ceiling_for_a_larger_household_is_refused()
    {
        var scale = new IncomeCeilingScale { Category1 = 20000, Category2 = 19000, Category3 = 30000, Category4 = 40000, Category5 = 50000, Category6 = 60000, PerExtraPerson = 6000 };

        Assert.Contains(scale.Validate(), p => p.Contains("catégorie 2", StringComparison.Ordinal));
    }
}
