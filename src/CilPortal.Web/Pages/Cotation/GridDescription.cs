using CilPortal.Domain.Scoring;

namespace CilPortal.Web.Pages.Cotation;

/// <summary>The grid told in plain French, criterion by criterion (used by the public page and the editor).</summary>
public static class GridDescription
{
    public static string Points(ScoringCriterion criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return criterion.Kind switch
        {
            ScoringCriterionKind.Seniority => $"{PointsText(criterion.Points)} par mois complet d'ancienneté, {criterion.MaxPoints} au plus",
            ScoringCriterionKind.RefusalPenalty => $"{PointsText(criterion.Points)} en moins par refus, pendant {criterion.DurationMonths} mois",
            _ => PointsText(criterion.Points),
        };
    }

    public static string HowItIsChecked(ScoringCriterion criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return criterion.Kind switch
        {
            ScoringCriterionKind.Seniority => "Compté depuis la date de dépôt de la demande ; l'ancienneté est gardée lors des renouvellements.",
            ScoringCriterionKind.RefusalPenalty => "Refus, sans motif reconnu légitime, d'un logement adapté aux besoins et aux capacités du foyer, enregistré par le bailleur.",
            _ => criterion.Condition?.HowItIsChecked(criterion.Threshold) ?? "",
        };
    }

    public static string KindLabel(ScoringCriterionKind kind) => kind switch
    {
        ScoringCriterionKind.Situation => "Situation",
        ScoringCriterionKind.Seniority => "Ancienneté",
        ScoringCriterionKind.RefusalPenalty => "Refus",
        _ => kind.ToString(),
    };

    /// <summary>Points with their sign, as a line of a breakdown: "+20", "−10".</summary>
    public static string WithSign(int points) => points > 0 ? $"+{points}" : points < 0 ? $"−{-points}" : "0";

    public static string PointsText(int points) => Math.Abs(points) == 1 ? $"{points} point" : $"{points} points";

    /// <summary>Criteria grouped as published: each group with its cap, groups in the order of their first criterion.</summary>
    public static IReadOnlyList<(string Group, int? Cap, IReadOnlyList<ScoringCriterion> Criteria)> Groups(ScoringGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return [.. grid.Criteria
            .OrderBy(c => c.DisplayOrder).ThenBy(c => c.Code, StringComparer.Ordinal)
            .GroupBy(c => c.Group, StringComparer.Ordinal)
            .Select(g => (g.Key, grid.Caps.FirstOrDefault(c => c.Group == g.Key && g.Key.Length > 0)?.MaxPoints, (IReadOnlyList<ScoringCriterion>)[.. g]))];
    }
}
