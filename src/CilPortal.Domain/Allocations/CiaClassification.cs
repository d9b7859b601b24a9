using CilPortal.Domain.Demands;

namespace CilPortal.Domain.Allocations;

/// <summary>What the CIA classification of an allocation is computed from, kept with the result.</summary>
/// <param name="LeaseSignedOn">The date the classification applies to: ages and the threshold's year are taken then.</param>
/// <param name="QpvCode">The QPV the dwelling stands in, or null outside any QPV.</param>
/// <param name="MemberBirthDates">Birth dates of the household members already born (expected children are not counted).</param>
/// <param name="MonthlyResources">Monthly resources of the demand (received less paid out).</param>
/// <param name="FirstQuartileThreshold">The EPCI's first-quartile threshold for the lease year, in €/UC a year; null when not set.</param>
/// <param name="IsPriorityPublic">The household is a priority public (L441-1) or DALO-recognised.</param>
/// <param name="IsUrbanRenewalRehousing">Rehoused under an urban-renewal programme: counts with the first quartile outside QPV.</param>
public sealed record CiaClassificationInput(
    DateOnly LeaseSignedOn,
    string? QpvCode,
    IReadOnlyList<DateOnly> MemberBirthDates,
    decimal MonthlyResources,
    decimal? FirstQuartileThreshold,
    bool IsPriorityPublic,
    bool IsUrbanRenewalRehousing);

/// <summary>Which CIA target an allocation counts towards.</summary>
public enum CiaObjective
{
    /// <summary>Outside QPV: counts in the total; meets the target when first quartile or urban-renewal rehousing.</summary>
    OutsideQpv = 1,

    /// <summary>In QPV: counts in the total; meets the target when quartiles 2 to 4.</summary>
    InQpv = 2,
}

/// <summary>
/// The classification of an allocation followed by a signed lease (L441-1): where the dwelling is, the
/// household's consumption units and resources per unit against the year's threshold, and priority.
/// </summary>
public sealed record CiaClassification(
    int Year,
    bool DwellingInQpv,
    string? QpvCode,
    decimal ConsumptionUnits,
    decimal AnnualResources,
    decimal? AnnualResourcesPerUnit,
    decimal? FirstQuartileThreshold,
    bool? IsFirstQuartile,
    bool IsPriorityPublic,
    bool IsUrbanRenewalRehousing)
{
    public CiaObjective Objective => DwellingInQpv ? CiaObjective.InQpv : CiaObjective.OutsideQpv;

    /// <summary>
    /// True when the allocation meets the target of its objective (first quartile or urban renewal
    /// outside QPV; other quartiles in QPV); null when the quartile is unknown (no threshold for the year, empty household).
    /// </summary>
    public bool? MeetsQuartileTarget => DwellingInQpv
        ? !IsFirstQuartile
        : IsUrbanRenewalRehousing ? true : IsFirstQuartile;
}

/// <summary>The CIA classification rules, pure: consumption units, resources per unit, first quartile, QPV, priority.</summary>
public static class CiaClassifier
{
    public static CiaClassification Classify(CiaClassificationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var units = ConsumptionUnits.For(input.MemberBirthDates, input.LeaseSignedOn);
        var annual = input.MonthlyResources * 12m;
        var perUnit = HouseholdResources.AnnualPerConsumptionUnit(input.MonthlyResources, units);
        bool? firstQuartile = perUnit is { } value && input.FirstQuartileThreshold is { } threshold
            ? FirstQuartile.Includes(value, threshold)
            : null;
        return new CiaClassification(
            input.LeaseSignedOn.Year,
            input.QpvCode is not null,
            input.QpvCode,
            units,
            annual,
            perUnit is null ? null : decimal.Round(perUnit.Value, 2),
            input.FirstQuartileThreshold,
            firstQuartile,
            input.IsPriorityPublic,
            input.IsUrbanRenewalRehousing);
    }

    /// <summary>
    /// The same classification against another threshold for its year (the EPCI corrected it): the household,
    /// its resources and the QPV stay as they were at the lease.
    /// </summary>
    public static CiaClassification WithThreshold(CiaClassification classification, decimal? threshold)
    {
        ArgumentNullException.ThrowIfNull(classification);
        var perUnit = HouseholdResources.AnnualPerConsumptionUnit(classification.AnnualResources / 12m, classification.ConsumptionUnits);
        return classification with
        {
            FirstQuartileThreshold = threshold,
            IsFirstQuartile = perUnit is { } value && threshold is { } t ? FirstQuartile.Includes(value, t) : null,
        };
    }

    /// <summary>The input for a demand: members already born, monthly resources, priority public (recognised, or in a situation the year counts).</summary>
    public static CiaClassificationInput InputFor(
        Demand demand, DateOnly leaseSignedOn, string? qpvCode, decimal? threshold, bool urbanRenewal, PriorityPublicCriteria countedSituations = PriorityPublicCriteria.None)
    {
        ArgumentNullException.ThrowIfNull(demand);
        return new CiaClassificationInput(
            leaseSignedOn,
            qpvCode,
            [.. demand.Members.Where(m => m.Role != HouseholdRole.ExpectedChild).Select(m => m.BirthDate)],
            HouseholdResources.Monthly(demand.Resources),
            threshold,
            PriorityPublicRules.IsPriorityPublic(demand, countedSituations),
            urbanRenewal);
    }
}
