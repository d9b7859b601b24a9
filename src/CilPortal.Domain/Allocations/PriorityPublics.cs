using CilPortal.Domain.Demands;
using CilPortal.Domain.Scoring;

namespace CilPortal.Domain.Allocations;

/// <summary>
/// Situations of L441-1 that the EPCI counts as priority publics for the CIA, besides the recognitions that always
/// count (the registry's priority label, DALO). The list is set per year (DOMAIN: « keep the list configurable »);
/// none by default, so that only recognised households count until the EPCI widens it.
/// </summary>
[Flags]
public enum PriorityPublicCriteria
{
    None = 0,
    Disability = 1,
    DomesticViolence = 2,
    EvictionThreat = 4,
    UnfitHousing = 8,
    ResumingWork = 16,
    WithoutHousing = 32,
    HostedByThirdParty = 64,
    InShelter = 128,
}

public static class PriorityPublicRules
{
    public static IReadOnlyList<PriorityPublicCriteria> All { get; } = [.. Enum.GetValues<PriorityPublicCriteria>().Where(c => c != PriorityPublicCriteria.None)];

    /// <summary>The listed situations a demand is in, from its recorded situations and its current housing.</summary>
    public static PriorityPublicCriteria Matches(Demand demand)
    {
        ArgumentNullException.ThrowIfNull(demand);
        var s = demand.Situations;
        var matches = PriorityPublicCriteria.None;
        matches |= s.HasFlag(DemandSituations.Disability) ? PriorityPublicCriteria.Disability : 0;
        matches |= s.HasFlag(DemandSituations.DomesticViolence) ? PriorityPublicCriteria.DomesticViolence : 0;
        matches |= s.HasFlag(DemandSituations.EvictionThreat) ? PriorityPublicCriteria.EvictionThreat : 0;
        matches |= s.HasFlag(DemandSituations.UnfitHousing) ? PriorityPublicCriteria.UnfitHousing : 0;
        matches |= s.HasFlag(DemandSituations.ResumingWork) ? PriorityPublicCriteria.ResumingWork : 0;
        matches |= demand.CurrentHousing switch
        {
            HousingSituation.WithoutHousing => PriorityPublicCriteria.WithoutHousing,
            HousingSituation.HostedByFamilyOrFriends => PriorityPublicCriteria.HostedByThirdParty,
            HousingSituation.Shelter => PriorityPublicCriteria.InShelter,
            _ => PriorityPublicCriteria.None,
        };
        return matches;
    }

    /// <summary>Recognised (label or DALO), or in one of the situations the year's list counts.</summary>
    public static bool IsPriorityPublic(Demand demand, PriorityPublicCriteria counted)
    {
        ArgumentNullException.ThrowIfNull(demand);
        return demand.IsPriorityPublic || demand.IsDaloRecognised || (Matches(demand) & counted) != 0;
    }

    public static string French(this PriorityPublicCriteria criterion) => criterion switch
    {
        PriorityPublicCriteria.Disability => "Handicap du demandeur ou d'un membre du ménage (a)",
        PriorityPublicCriteria.DomesticViolence => "Victime de violences conjugales ou menacée de mariage forcé (d)",
        PriorityPublicCriteria.EvictionThreat => "Menacé d'expulsion sans relogement (h)",
        PriorityPublicCriteria.UnfitHousing => "Logé dans un habitat indigne, insalubre ou indécent (c, e, g)",
        PriorityPublicCriteria.ResumingWork => "Reprise d'activité après une longue période de chômage (f)",
        PriorityPublicCriteria.WithoutHousing => "Dépourvu de logement (b)",
        PriorityPublicCriteria.HostedByThirdParty => "Hébergé par des tiers (b)",
        PriorityPublicCriteria.InShelter => "Hébergé ou logé temporairement dans une structure (b)",
        _ => criterion.ToString(),
    };
}
