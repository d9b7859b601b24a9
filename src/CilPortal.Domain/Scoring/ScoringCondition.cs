namespace CilPortal.Domain.Scoring;

/// <summary>What a <see cref="ScoringCriterionKind.Situation"/> criterion looks for in a demand.</summary>
public enum ScoringCondition
{
    PriorityPublic = 1,
    DaloRecognised = 2,
    WithoutHousing = 3,
    HostedByThirdParty = 4,
    InShelter = 5,
    DomesticViolence = 6,
    Disability = 7,
    EvictionThreat = 8,
    UnfitHousing = 9,

    /// <summary>Current dwelling smaller than the decency norm for the people living in it.</summary>
    OverOccupation = 10,

    /// <summary>Rent above a share of the household's resources (the criterion's threshold, in %).</summary>
    HousingCostBurden = 11,

    JobNearby = 12,

    /// <summary>One adult alone with at least one dependant.</summary>
    SingleParent = 13,

    ResumingWork = 14,
    UrbanRenewalRehousing = 15,
}

/// <summary>The kinds of criteria a grid is made of.</summary>
public enum ScoringCriterionKind
{
    /// <summary>Fixed points when a <see cref="ScoringCondition"/> holds.</summary>
    Situation = 1,

    /// <summary>Points per full month since the demand was filed, up to a cap.</summary>
    Seniority = 2,

    /// <summary>Points withdrawn for each refusal of a suitable offer during a number of months.</summary>
    RefusalPenalty = 3,
}

public static class ScoringConditionLabels
{
    public static string French(this ScoringCondition condition) => condition switch
    {
        ScoringCondition.PriorityPublic => "Public prioritaire reconnu (article L441-1)",
        ScoringCondition.DaloRecognised => "Reconnu prioritaire et urgent au titre du DALO",
        ScoringCondition.WithoutHousing => "Sans logement",
        ScoringCondition.HostedByThirdParty => "Hébergé chez un tiers (famille, amis)",
        ScoringCondition.InShelter => "En structure d'hébergement ou logement temporaire",
        ScoringCondition.DomesticViolence => DemandSituations.DomesticViolence.FrenchLabel(),
        ScoringCondition.Disability => DemandSituations.Disability.FrenchLabel(),
        ScoringCondition.EvictionThreat => DemandSituations.EvictionThreat.FrenchLabel(),
        ScoringCondition.UnfitHousing => DemandSituations.UnfitHousing.FrenchLabel(),
        ScoringCondition.OverOccupation => "Logement actuel suroccupé",
        ScoringCondition.HousingCostBurden => "Loyer trop lourd par rapport aux ressources",
        ScoringCondition.JobNearby => DemandSituations.JobNearby.FrenchLabel(),
        ScoringCondition.SingleParent => "Parent seul avec enfant(s) à charge",
        ScoringCondition.ResumingWork => DemandSituations.ResumingWork.FrenchLabel(),
        ScoringCondition.UrbanRenewalRehousing => DemandSituations.UrbanRenewalRehousing.FrenchLabel(),
        _ => condition.ToString(),
    };

    /// <summary>How the portal decides that the condition holds, in plain French (shown on the public grid).</summary>
    public static string HowItIsChecked(this ScoringCondition condition, decimal? threshold) => condition switch
    {
        ScoringCondition.PriorityPublic => "Reconnaissance inscrite sur la demande par un lieu d'accueil ou un réservataire.",
        ScoringCondition.DaloRecognised => "Décision favorable de la commission de médiation DALO.",
        ScoringCondition.WithoutHousing => "Situation de logement actuelle déclarée « sans logement ».",
        ScoringCondition.HostedByThirdParty => "Situation de logement actuelle déclarée « hébergé chez de la famille ou des amis ».",
        ScoringCondition.InShelter => "Situation de logement actuelle déclarée « structure d'hébergement ».",
        ScoringCondition.OverOccupation => $"Surface du logement actuel inférieure à la norme de décence : {Occupancy.MinimumSurface(1)} m² pour une personne, {Occupancy.MinimumSurface(2)} m² pour deux, 9 m² de plus par personne supplémentaire (jusqu'à {Occupancy.MinimumSurface(8)} m² à partir de huit).",
        ScoringCondition.HousingCostBurden => $"Loyer actuel supérieur à {threshold ?? HousingCost.DefaultThresholdPercent} % des ressources mensuelles du foyer.",
        ScoringCondition.SingleParent => "Un seul adulte titulaire de la demande, avec au moins une personne à charge.",
        _ => "Situation justifiée par des pièces et inscrite sur la demande par un lieu d'accueil.",
    };
}
