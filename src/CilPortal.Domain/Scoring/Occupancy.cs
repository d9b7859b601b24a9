namespace CilPortal.Domain.Scoring;

/// <summary>
/// The decency norm of occupation (article D542-14 of the code de la sécurité sociale, used for housing
/// benefits): 9 m² for one person, 16 m² for two, 9 m² more per extra person, 70 m² from eight persons.
/// </summary>
public static class Occupancy
{
    public static int MinimumSurface(int persons) => persons switch
    {
        <= 0 => 0,
        1 => 9,
        >= 8 => 70,
        _ => 16 + ((persons - 2) * 9),
    };

    public static bool IsOverOccupied(decimal surface, int persons) => persons > 0 && surface > 0 && surface < MinimumSurface(persons);
}

/// <summary>The housing-cost burden (taux d'effort) of a household: rent over monthly resources.</summary>
public static class HousingCost
{
    public const decimal DefaultThresholdPercent = 30m;

    /// <summary>The rent as a percentage of the resources, or null when there is no rent; infinite burden is reported as 100 %.</summary>
    public static decimal? BurdenPercent(decimal? monthlyRent, decimal monthlyResources)
    {
        if (monthlyRent is not { } rent || rent <= 0)
        {
            return null;
        }

        return monthlyResources <= 0 ? 100m : Math.Round(rent * 100m / monthlyResources, 1);
    }
}
