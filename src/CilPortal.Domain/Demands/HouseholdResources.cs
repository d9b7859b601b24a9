namespace CilPortal.Domain.Demands;

/// <summary>
/// Consumption units (UC) of a household, as used by the CIA first-quartile test:
/// 1 for the first adult, 0.5 for each other person aged 14 or more, 0.3 for each child under 14.
/// Expected children are not counted until born.
/// </summary>
public static class ConsumptionUnits
{
    public const int AdultAge = 14;

    public static decimal For(IEnumerable<DateOnly> birthDates, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(birthDates);
        var ages = birthDates.Select(b => AgeOn(b, on)).OrderDescending().ToList();
        if (ages.Count == 0)
        {
            return 0m;
        }

        return 1m + ages.Skip(1).Sum(age => age >= AdultAge ? 0.5m : 0.3m);
    }

    public static decimal For(Demand demand, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(demand);
        return For(demand.Members.Where(m => m.Role != HouseholdRole.ExpectedChild).Select(m => m.BirthDate), on);
    }

    /// <summary>Age in whole years on a date.</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly on)
    {
        var age = on.Year - birthDate.Year;
        return birthDate.AddYears(age) > on ? age - 1 : age;
    }
}

/// <summary>Household resources as the CIA counts them: monthly resources of the demand × 12.</summary>
public static class HouseholdResources
{
    /// <summary>Monthly resources: what the household receives, less what it pays out (e.g. alimony).</summary>
    public static decimal Monthly(IEnumerable<DemandResource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        return resources.Sum(r => r.IsPaidOut ? -r.MonthlyAmount : r.MonthlyAmount);
    }

    public static decimal Annual(IEnumerable<DemandResource> resources) => Monthly(resources) * 12m;

    /// <summary>Annual resources per consumption unit, unrounded (round only to display it); null for an empty household.</summary>
    public static decimal? AnnualPerConsumptionUnit(decimal monthlyResources, decimal consumptionUnits) =>
        consumptionUnits <= 0m ? null : monthlyResources * 12m / consumptionUnits;
}

/// <summary>
/// First-quartile test of the CIA (L441-1): annual resources per UC strictly below the EPCI's
/// threshold for the year (set by ministerial arrêté).
/// </summary>
public static class FirstQuartile
{
    public static bool Includes(decimal annualResourcesPerUnit, decimal threshold) => annualResourcesPerUnit < threshold;
}
