using CilPortal.Domain.Demands;

namespace CilPortal.Tests.Domain;

public class ConsumptionUnitsTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Fact]
    public void Worked_example_of_the_domain_two_adults_a_child_of_15_and_a_child_of_8_make_2_3_units()
    {
        var units = ConsumptionUnits.For([Today.AddYears(-40), Today.AddYears(-38), Today.AddYears(-15), Today.AddYears(-8)], Today);

        Assert.Equal(2.3m, units);
    }

    [Fact]
    public void Worked_example_1800_euros_a_month_is_9391_euros_per_unit_and_not_first_quartile_against_8861()
    {
        var perUnit = HouseholdResources.AnnualPerConsumptionUnit(1800m, 2.3m);

        Assert.Equal(9391m, Math.Round(perUnit!.Value));
        Assert.False(FirstQuartile.Includes(perUnit.Value, 8861m));
    }

    [Fact]
    public void A_household_below_the_threshold_is_first_quartile()
    {
        Assert.True(FirstQuartile.Includes(8860m, 8861m));
        Assert.False(FirstQuartile.Includes(8861m, 8861m));
    }

    [Fact]
    public void The_threshold_is_compared_before_any_rounding()
    {
        // 1,698.28 €/month with 2.3 UC is 8,860.59 €/UC: first quartile against 8,861 €, though it rounds to 8,861.
        var perUnit = HouseholdResources.AnnualPerConsumptionUnit(1698.28m, 2.3m)!.Value;

        Assert.True(FirstQuartile.Includes(perUnit, 8861m));
    }

    [Fact]
    public void A_person_alone_counts_one_unit_whatever_the_age() =>
        Assert.Equal(1m, ConsumptionUnits.For([Today.AddYears(-17)], Today));

    [Fact]
    public void A_child_turns_fourteen_on_the_birthday_not_before()
    {
        var birth = Today.AddYears(-14);

        Assert.Equal(1.5m, ConsumptionUnits.For([Today.AddYears(-30), birth], Today));
        Assert.Equal(1.3m, ConsumptionUnits.For([Today.AddYears(-30), birth], Today.AddDays(-1)));
    }

    [Fact]
    public void An_expected_child_is_not_counted_until_born()
    {
        var demand = new Demand();
        demand.Members.Add(new HouseholdMember { Role = HouseholdRole.Applicant, BirthDate = Today.AddYears(-25) });
        demand.Members.Add(new HouseholdMember { Role = HouseholdRole.ExpectedChild, BirthDate = Today.AddMonths(3) });

        Assert.Equal(1m, ConsumptionUnits.For(demand, Today));
    }

    [Fact]
    public void Empty_household_has_no_units_and_no_income_per_unit()
    {
        Assert.Equal(0m, ConsumptionUnits.For([], Today));
        Assert.Null(HouseholdResources.AnnualPerConsumptionUnit(1000m, 0m));
    }

    [Fact]
    public void Resources_paid_out_such_as_alimony_are_deducted()
    {
        DemandResource[] resources =
        [
            new() { Code = "SAL", MonthlyAmount = 1500m },
            new() { Code = "AF", MonthlyAmount = 140m },
            new() { Code = "PAV", MonthlyAmount = 120m, IsPaidOut = true },
        ];

        Assert.Equal(1520m, HouseholdResources.Monthly(resources));
        Assert.Equal(18240m, HouseholdResources.Annual(resources));
    }
}
