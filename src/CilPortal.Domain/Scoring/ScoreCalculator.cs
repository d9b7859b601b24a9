using System.Globalization;
using CilPortal.Domain.Demands;

namespace CilPortal.Domain.Scoring;

/// <summary>One line of a score breakdown: the criterion, the points it brings (or withdraws) and why.</summary>
public sealed record ScoreLine(string Code, string Label, int Points, string Reason);

/// <summary>A score with the lines that make it up; the lines always add up to the total.</summary>
public sealed record ScoreResult(int Total, IReadOnlyList<ScoreLine> Lines);

/// <summary>
/// Computes the cotation of a demand with a grid on a day: pure and deterministic.
/// Situation and seniority points add up per group, each group is held to its cap, refusals are then
/// subtracted, and the total never goes below zero. Caps and the floor appear as lines of their own so
/// that the breakdown always explains the whole score.
/// </summary>
public sealed class ScoreCalculator
{
    public const string CapCode = "PLAFOND";
    public const string FloorCode = "PLANCHER";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private readonly ScoringCriterion[] criteria;
    private readonly int[] groupOfCriterion;
    private readonly string[] groups;
    private readonly int?[] capOfGroup;

    public ScoreCalculator(ScoringGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        criteria = [.. grid.Criteria.OrderBy(c => c.DisplayOrder).ThenBy(c => c.Code, StringComparer.Ordinal)];
        groups = [.. criteria.Select(c => c.Group).Distinct(StringComparer.Ordinal)];
        groupOfCriterion = [.. criteria.Select(c => Array.IndexOf(groups, c.Group))];
        capOfGroup = [.. groups.Select(g => grid.Caps.FirstOrDefault(cap => cap.Group == g && g.Length > 0)?.MaxPoints)];
    }

    public ScoreResult Compute(ScoringFacts facts, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var lines = new List<ScoreLine>(6);
        Span<int> groupPoints = stackalloc int[groups.Length];
        for (var i = 0; i < criteria.Length; i++)
        {
            var criterion = criteria[i];
            switch (criterion.Kind)
            {
                case ScoringCriterionKind.Situation:
                    if (criterion.Points > 0 && Holds(criterion, facts, out var reason))
                    {
                        lines.Add(new ScoreLine(criterion.Code, criterion.Label, criterion.Points, reason));
                        groupPoints[groupOfCriterion[i]] += criterion.Points;
                    }

                    break;
                case ScoringCriterionKind.Seniority:
                    var months = FullMonthsBetween(facts.FiledOn, on);
                    var seniority = (int)Math.Min((long)months * criterion.Points, criterion.MaxPoints ?? int.MaxValue);
                    if (seniority > 0)
                    {
                        var capped = seniority == criterion.MaxPoints && (long)months * criterion.Points > seniority ? $", plafonnés à {seniority}" : "";
                        lines.Add(new ScoreLine(criterion.Code, criterion.Label, seniority,
                            string.Create(French, $"Demande déposée le {facts.FiledOn:d MMMM yyyy} : {months} mois complets × {Points(criterion.Points)}{capped}.")));
                        groupPoints[groupOfCriterion[i]] += seniority;
                    }

                    break;
                case ScoringCriterionKind.RefusalPenalty:
                    var duration = criterion.DurationMonths ?? 0;
                    var refusals = 0;
                    var last = DateOnly.MinValue;
                    foreach (var refusedOn in facts.RefusalDates)
                    {
                        if (refusedOn <= on && on < refusedOn.AddMonths(duration))
                        {
                            refusals++;
                            last = refusedOn > last ? refusedOn : last;
                        }
                    }

                    if (refusals > 0 && criterion.Points > 0)
                    {
                        lines.Add(new ScoreLine(criterion.Code, criterion.Label, -refusals * criterion.Points,
                            string.Create(French, $"{refusals} refus d'une proposition adaptée dans les {duration} derniers mois (dernier le {last:d MMMM yyyy}) : {Points(criterion.Points)} en moins par refus, jusqu'au {last.AddMonths(duration):d MMMM yyyy}.")));
                    }

                    break;
            }
        }

        for (var g = 0; g < groups.Length; g++)
        {
            if (capOfGroup[g] is { } cap && groupPoints[g] > cap)
            {
                lines.Add(new ScoreLine(CapCode, $"Plafond du groupe « {groups[g]} »", cap - groupPoints[g],
                    $"Les critères du groupe « {groups[g]} » apportent au plus {Points(cap)} ; ils en totalisent {groupPoints[g]}."));
            }
        }

        var total = 0;
        foreach (var line in lines)
        {
            total += line.Points;
        }

        if (total < 0)
        {
            lines.Add(new ScoreLine(FloorCode, "Minimum de la cotation", -total, "Une cotation ne descend pas en dessous de zéro."));
            total = 0;
        }

        return new ScoreResult(total, lines);
    }

    /// <summary>Full months from the filing date to the day: a month is complete on the same day of the next month, or on its last day when it is shorter.</summary>
    public static int FullMonthsBetween(DateOnly from, DateOnly to)
    {
        if (to <= from)
        {
            return 0;
        }

        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        return from.AddMonths(months) > to ? months - 1 : months;
    }

    private static string Points(int points) => points is 1 or -1 ? $"{points} point" : $"{points} points";

    private static bool Holds(ScoringCriterion criterion, ScoringFacts facts, out string reason)
    {
        switch (criterion.Condition)
        {
            case ScoringCondition.PriorityPublic when facts.IsPriorityPublic:
                reason = "Votre demande est reconnue prioritaire au titre de l'article L441-1.";
                return true;
            case ScoringCondition.DaloRecognised when facts.IsDaloRecognised:
                reason = "La commission de médiation vous a reconnu prioritaire et urgent (DALO).";
                return true;
            case ScoringCondition.WithoutHousing when facts.CurrentHousing == HousingSituation.WithoutHousing:
                reason = "Vous êtes déclaré sans logement.";
                return true;
            case ScoringCondition.HostedByThirdParty when facts.CurrentHousing == HousingSituation.HostedByFamilyOrFriends:
                reason = "Vous êtes hébergé chez de la famille ou des amis.";
                return true;
            case ScoringCondition.InShelter when facts.CurrentHousing == HousingSituation.Shelter:
                reason = "Vous êtes en structure d'hébergement.";
                return true;
            case ScoringCondition.DomesticViolence when facts.Situations.HasFlag(DemandSituations.DomesticViolence):
            case ScoringCondition.Disability when facts.Situations.HasFlag(DemandSituations.Disability):
            case ScoringCondition.EvictionThreat when facts.Situations.HasFlag(DemandSituations.EvictionThreat):
            case ScoringCondition.UnfitHousing when facts.Situations.HasFlag(DemandSituations.UnfitHousing):
            case ScoringCondition.JobNearby when facts.Situations.HasFlag(DemandSituations.JobNearby):
            case ScoringCondition.ResumingWork when facts.Situations.HasFlag(DemandSituations.ResumingWork):
            case ScoringCondition.UrbanRenewalRehousing when facts.Situations.HasFlag(DemandSituations.UrbanRenewalRehousing):
                reason = "Situation inscrite sur votre demande au vu de justificatifs.";
                return true;
            case ScoringCondition.SingleParent when facts.IsSingleParent:
                reason = "Vous êtes seul titulaire de la demande avec au moins une personne à charge.";
                return true;
            case ScoringCondition.OverOccupation:
                var persons = facts.CurrentOccupants ?? facts.HouseholdSize;
                if (facts.CurrentSurface is { } surface && Occupancy.IsOverOccupied(surface, persons))
                {
                    reason = string.Create(French, $"Votre logement actuel fait {surface:0.#} m² pour {persons} personnes : moins que les {Occupancy.MinimumSurface(persons)} m² de la norme.");
                    return true;
                }

                break;
            case ScoringCondition.HousingCostBurden:
                var threshold = criterion.Threshold ?? HousingCost.DefaultThresholdPercent;
                if (HousingCost.BurdenPercent(facts.CurrentRent, facts.MonthlyResources) is { } burden && burden > threshold)
                {
                    reason = string.Create(French, $"Votre loyer actuel représente {burden:0.#} % de vos ressources mensuelles, plus que le seuil de {threshold:0.#} %.");
                    return true;
                }

                break;
        }

        reason = "";
        return false;
    }
}
