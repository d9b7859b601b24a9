namespace CilPortal.Domain.Scoring;

/// <summary>The stored cotation of an active demand, with the grid version it was computed with and its rank.</summary>
public class DemandScore
{
    public int DemandId { get; set; }

    public int GridId { get; set; }

    /// <summary>The version number of the grid, kept with the score so it can be shown without a join.</summary>
    public int GridVersion { get; set; }

    public int Total { get; set; }

    public DateOnly ComputedOn { get; set; }

    /// <summary>The breakdown, one line per criterion applied, serialised as JSON.</summary>
    public string Breakdown { get; set; } = "[]";

    /// <summary>The group of similar demands (first typology and first commune wished), or null when the demand has none.</summary>
    public string? SimilarKey { get; set; }

    /// <summary>1 for the highest score among similar demands; ties go to the older demand.</summary>
    public int? Rank { get; set; }

    public int? SimilarCount { get; set; }
}
