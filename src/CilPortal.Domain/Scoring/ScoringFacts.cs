using CilPortal.Domain.Demands;

namespace CilPortal.Domain.Scoring;

/// <summary>What the cotation reads from a demand, gathered once so that computing a score touches nothing else.</summary>
public sealed record ScoringFacts(
    DateOnly FiledOn,
    bool IsPriorityPublic,
    bool IsDaloRecognised,
    HousingSituation CurrentHousing,
    DemandSituations Situations,
    int HouseholdSize,
    bool IsSingleParent,
    int? CurrentOccupants,
    decimal? CurrentSurface,
    decimal? CurrentRent,
    decimal MonthlyResources,
    IReadOnlyList<DateOnly> RefusalDates)
{
    /// <summary>The facts of a demand whose members, resources and events are loaded.</summary>
    public static ScoringFacts From(Demand demand) => new(
        demand.FiledOn,
        demand.IsPriorityPublic,
        demand.IsDaloRecognised,
        demand.CurrentHousing,
        demand.Situations,
        demand.Members.Count,
        IsSingleParentHousehold(demand.Members.Select(m => m.Role)),
        demand.CurrentOccupants,
        demand.CurrentSurface,
        demand.CurrentRent,
        HouseholdResources.Monthly(demand.Resources),
        [.. demand.Events.Where(e => e.Kind == DemandEventKind.OfferRefused).Select(e => e.OccurredOn)]);

    /// <summary>One adult alone on the demand (no co-holder) with at least one dependant or expected child.</summary>
    public static bool IsSingleParentHousehold(IEnumerable<HouseholdRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var coHolders = 0;
        var dependants = 0;
        foreach (var role in roles)
        {
            switch (role)
            {
                case HouseholdRole.CoHolder:
                    coHolders++;
                    break;
                case HouseholdRole.Dependant or HouseholdRole.ExpectedChild:
                    dependants++;
                    break;
            }
        }

        return coHolders == 0 && dependants > 0;
    }
}
