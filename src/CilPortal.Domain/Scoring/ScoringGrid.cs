namespace CilPortal.Domain.Scoring;

public enum ScoringGridStatus
{
    /// <summary>Being edited; can change and be previewed; never used for a score.</summary>
    Draft = 1,

    /// <summary>Published with an effective date; immutable and kept for ever.</summary>
    Published = 2,
}

/// <summary>One version of the cotation grid of the territory (L441-2-8).</summary>
public class ScoringGrid : IVersioned
{
    /// <summary>Concurrency token: see <see cref="IVersioned"/>.</summary>
    public int RowVersion { get; set; }

    public int Id { get; set; }

    /// <summary>1, 2, 3… in the order versions were created.</summary>
    public int Version { get; set; }

    public string Title { get; set; } = "";

    public ScoringGridStatus Status { get; set; } = ScoringGridStatus.Draft;

    /// <summary>First day the grid applies (published grids only).</summary>
    public DateOnly? EffectiveFrom { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public string? PublishedBy { get; set; }

    /// <summary>The reference of the CIL decision adopting the grid, shown on the public page.</summary>
    public string? Decision { get; set; }

    /// <summary>True for the example grid shipped with the portal, to be adapted by the CIL.</summary>
    public bool IsExample { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<ScoringCriterion> Criteria { get; } = [];

    public List<ScoringGroupCap> Caps { get; } = [];

    public bool IsPublished => Status == ScoringGridStatus.Published;

    /// <summary>The problems that prevent publishing (or saving) the grid, in French; empty when it is valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Title))
        {
            problems.Add("Donnez un titre à la grille.");
        }

        if (Criteria.Count == 0)
        {
            problems.Add("La grille doit comporter au moins un critère.");
        }

        foreach (var duplicate in Criteria.GroupBy(c => c.Code, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"Le code « {duplicate.Key} » est utilisé par plusieurs critères.");
        }

        foreach (var criterion in Criteria)
        {
            problems.AddRange(criterion.Validate());
        }

        if (Criteria.Count(c => c.Kind == ScoringCriterionKind.Seniority) > 1)
        {
            problems.Add("La grille ne peut comporter qu'un critère d'ancienneté.");
        }

        foreach (var cap in Caps)
        {
            if (cap.MaxPoints < 0)
            {
                problems.Add($"Le plafond du groupe « {cap.Group} » ne peut pas être négatif.");
            }

            if (!Criteria.Any(c => string.Equals(c.Group, cap.Group, StringComparison.Ordinal)))
            {
                problems.Add($"Le plafond du groupe « {cap.Group} » ne s'applique à aucun critère.");
            }
        }

        foreach (var duplicate in Caps.GroupBy(c => c.Group, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"Le groupe « {duplicate.Key} » a plusieurs plafonds.");
        }

        return problems;
    }

    /// <summary>A new draft with the same criteria and caps, for the next version.</summary>
    public ScoringGrid CopyAsDraft(int version, DateTimeOffset now)
    {
        var copy = new ScoringGrid { Version = version, Title = Title, Decision = null, IsExample = IsExample, CreatedAt = now };
        copy.Criteria.AddRange(Criteria.Select(c => c.Copy()));
        copy.Caps.AddRange(Caps.Select(c => new ScoringGroupCap { Group = c.Group, MaxPoints = c.MaxPoints }));
        return copy;
    }

    /// <summary>The published grid in force on a day: the latest effective date on or before it.</summary>
    public static ScoringGrid? InForce(IEnumerable<ScoringGrid> grids, DateOnly on) =>
        grids.Where(g => g.IsPublished && g.EffectiveFrom <= on).OrderByDescending(g => g.EffectiveFrom).ThenByDescending(g => g.Version).FirstOrDefault();
}

/// <summary>A criterion of a grid: a code, a label, a kind and its points.</summary>
public class ScoringCriterion
{
    public int Id { get; set; }

    public int GridId { get; set; }

    /// <summary>Short stable code, e.g. EXPULSION, shown next to the points in every breakdown.</summary>
    public string Code { get; set; } = "";

    public string Label { get; set; } = "";

    public ScoringCriterionKind Kind { get; set; }

    /// <summary>For <see cref="ScoringCriterionKind.Situation"/> criteria: what is looked for.</summary>
    public ScoringCondition? Condition { get; set; }

    /// <summary>Situation: points granted; seniority: points per month; refusal: points withdrawn per refusal.</summary>
    public int Points { get; set; }

    /// <summary>Seniority: the most points it can bring.</summary>
    public int? MaxPoints { get; set; }

    /// <summary>Refusal: how many months a refusal keeps counting.</summary>
    public int? DurationMonths { get; set; }

    /// <summary>Housing-cost burden: the share of resources above which the rent is too heavy, in %.</summary>
    public decimal? Threshold { get; set; }

    /// <summary>Group of criteria sharing a cap (e.g. "Conditions de logement"); empty when none.</summary>
    public string Group { get; set; } = "";

    public int DisplayOrder { get; set; }

    public IEnumerable<string> Validate()
    {
        var name = string.IsNullOrWhiteSpace(Label) ? Code : Label;
        if (string.IsNullOrWhiteSpace(Code) || Code.Length > 20 || !Code.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            yield return $"Le code du critère « {name} » doit faire de 1 à 20 caractères : lettres sans accent, chiffres, - ou _.";
        }

        if (string.IsNullOrWhiteSpace(Label))
        {
            yield return $"Le critère {Code} doit avoir un libellé.";
        }

        if (Points is < 0 or > 1000)
        {
            yield return $"Les points du critère « {name} » sont compris entre 0 et 1 000.";
        }

        switch (Kind)
        {
            case ScoringCriterionKind.Situation when Condition is null || !Enum.IsDefined(Condition.Value):
                yield return $"Choisissez la situation que le critère « {name} » reconnaît.";
                break;
            case ScoringCriterionKind.Situation when Condition == ScoringCondition.HousingCostBurden && Threshold is not (> 0 and <= 100):
                yield return $"Le seuil de taux d'effort du critère « {name} » est un pourcentage entre 1 et 100.";
                break;
            case ScoringCriterionKind.Seniority when MaxPoints is not (> 0 and <= 10000):
                yield return $"Indiquez le maximum de points d'ancienneté du critère « {name} » (entre 1 et 10 000).";
                break;
            case ScoringCriterionKind.RefusalPenalty when DurationMonths is not (> 0 and <= 60):
                yield return $"Indiquez pendant combien de mois un refus compte (critère « {name} », entre 1 et 60).";
                break;
            case ScoringCriterionKind.Situation or ScoringCriterionKind.Seniority or ScoringCriterionKind.RefusalPenalty:
                break;
            default:
                yield return $"Le type du critère « {name} » est inconnu.";
                break;
        }
    }

    public ScoringCriterion Copy() => new()
    {
        Code = Code,
        Label = Label,
        Kind = Kind,
        Condition = Condition,
        Points = Points,
        MaxPoints = MaxPoints,
        DurationMonths = DurationMonths,
        Threshold = Threshold,
        Group = Group,
        DisplayOrder = DisplayOrder,
    };
}

/// <summary>The most points the criteria of one group can bring together.</summary>
public class ScoringGroupCap
{
    public int Id { get; set; }

    public int GridId { get; set; }

    public string Group { get; set; } = "";

    public int MaxPoints { get; set; }
}
