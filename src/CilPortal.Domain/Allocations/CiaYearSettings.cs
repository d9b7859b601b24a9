namespace CilPortal.Domain.Allocations;

/// <summary>
/// The CIA settings of a calendar year: the EPCI's first-quartile threshold (ministerial arrêté) and the
/// rates the convention sets (defaults of L441-1 when the CIA does not adapt them).
/// </summary>
public class CiaYearSettings
{
    public int Year { get; set; }

    /// <summary>Annual resources per consumption unit below which a household is in the first quartile, in euros.</summary>
    public decimal? FirstQuartileThreshold { get; set; }

    /// <summary>Where the threshold comes from (arrêté, date), shown with the figures.</summary>
    public string? ThresholdSource { get; set; }

    public decimal OutsideQpvFirstQuartileTarget { get; set; } = CiaTargets.Default.OutsideQpvFirstQuartile;

    public decimal InQpvOtherQuartilesTarget { get; set; } = CiaTargets.Default.InQpvOtherQuartiles;

    public decimal PriorityPublicsTarget { get; set; } = CiaTargets.Default.PriorityPublics;

    public CiaTargets Targets => new(OutsideQpvFirstQuartileTarget, InQpvOtherQuartilesTarget, PriorityPublicsTarget);
}
