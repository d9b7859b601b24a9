namespace CilPortal.Domain.Scoring;

/// <summary>
/// The example grid shipped with the portal: realistic values in the range seen in published departmental
/// grids (threat of eviction 20, housing-cost burden 10, single parent 5, points per month of seniority),
/// clearly marked as an example for the CIL to adapt before it adopts its own.
/// </summary>
public static class ExampleGrid
{
    public const string Priorities = "Reconnaissances prioritaires";
    public const string Housing = "Conditions de logement";
    public const string Personal = "Situation personnelle et familiale";
    public const string Seniority = "Ancienneté";

    public static ScoringGrid Create(DateOnly effectiveFrom, DateTimeOffset now)
    {
        var grid = new ScoringGrid
        {
            Version = 1,
            Title = "Grille de cotation (exemple à adapter par la CIL)",
            Decision = "Exemple fourni avec CilPortal : la CIL doit adopter sa propre grille dans le plan partenarial.",
            IsExample = true,
            CreatedAt = now,
        };
        var order = 0;
        void Situation(string code, ScoringCondition condition, int points, string group, decimal? threshold = null) =>
            grid.Criteria.Add(new ScoringCriterion
            {
                Code = code,
                Label = condition.French(),
                Kind = ScoringCriterionKind.Situation,
                Condition = condition,
                Points = points,
                Threshold = threshold,
                Group = group,
                DisplayOrder = ++order * 10,
            });

        Situation("DALO", ScoringCondition.DaloRecognised, 50, Priorities);
        Situation("PRIO", ScoringCondition.PriorityPublic, 30, Priorities);
        Situation("ANRU", ScoringCondition.UrbanRenewalRehousing, 20, Priorities);
        Situation("SANSLOG", ScoringCondition.WithoutHousing, 20, Housing);
        Situation("EXPULSION", ScoringCondition.EvictionThreat, 20, Housing);
        Situation("INDIGNE", ScoringCondition.UnfitHousing, 20, Housing);
        Situation("STRUCTURE", ScoringCondition.InShelter, 15, Housing);
        Situation("HEBERGE", ScoringCondition.HostedByThirdParty, 10, Housing);
        Situation("SUROCC", ScoringCondition.OverOccupation, 10, Housing);
        Situation("EFFORT", ScoringCondition.HousingCostBurden, 10, Housing, 30m);
        Situation("VIOLENCES", ScoringCondition.DomesticViolence, 30, Personal);
        Situation("HANDICAP", ScoringCondition.Disability, 15, Personal);
        Situation("MONOPARENT", ScoringCondition.SingleParent, 5, Personal);
        Situation("EMPLOI", ScoringCondition.JobNearby, 5, Personal);
        Situation("REPRISE", ScoringCondition.ResumingWork, 5, Personal);
        grid.Criteria.Add(new ScoringCriterion
        {
            Code = "ANCIENNETE",
            Label = "Ancienneté de la demande",
            Kind = ScoringCriterionKind.Seniority,
            Points = 1,
            MaxPoints = 60,
            Group = Seniority,
            DisplayOrder = ++order * 10,
        });
        grid.Criteria.Add(new ScoringCriterion
        {
            Code = "REFUS",
            Label = "Refus d'une proposition adaptée",
            Kind = ScoringCriterionKind.RefusalPenalty,
            Points = 10,
            DurationMonths = 12,
            DisplayOrder = ++order * 10,
        });
        grid.Caps.Add(new ScoringGroupCap { Group = Priorities, MaxPoints = 80 });
        grid.Caps.Add(new ScoringGroupCap { Group = Housing, MaxPoints = 40 });
        grid.Caps.Add(new ScoringGroupCap { Group = Personal, MaxPoints = 40 });
        grid.Status = ScoringGridStatus.Published;
        grid.EffectiveFrom = effectiveFrom;
        grid.PublishedAt = now;
        grid.PublishedBy = "CilPortal (exemple)";
        return grid;
    }
}
