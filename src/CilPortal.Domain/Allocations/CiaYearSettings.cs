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

    /// <summary>Situations counted as priority publics this year, besides the recognised ones (label, DALO).</summary>
    public PriorityPublicCriteria PriorityPublicSituations { get; set; }

    public CiaTargets Targets => new(OutsideQpvFirstQuartileTarget, InQpvOtherQuartilesTarget, PriorityPublicsTarget);
}

/// <summary>
/// CIA rates of a year set for one bailleur or one sector, when the convention breaks its targets down
/// (DOMAIN: « broken down by sector and by bailleur »); without one, the scope takes the year's rates.
/// </summary>
public class CiaTargetOverride
{
    public int Id { get; set; }

    public int Year { get; set; }

    /// <summary><see cref="CiaScopeKind.Bailleur"/> or <see cref="CiaScopeKind.Sector"/>.</summary>
    public CiaScopeKind ScopeKind { get; set; }

    /// <summary>The bailleur's or the sector's id.</summary>
    public int ScopeId { get; set; }

    public decimal OutsideQpvFirstQuartileTarget { get; set; }

    public decimal InQpvOtherQuartilesTarget { get; set; }

    public decimal PriorityPublicsTarget { get; set; }

    public CiaTargets Targets => new(OutsideQpvFirstQuartileTarget, InQpvOtherQuartilesTarget, PriorityPublicsTarget);
}

/// <summary>Which rates apply to a scope: its own when the EPCI set some for the year, else the year's.</summary>
public static class CiaTargetResolver
{
    public static Func<CiaScope, CiaTargets> For(CiaTargets yearTargets, IEnumerable<CiaTargetOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(yearTargets);
        ArgumentNullException.ThrowIfNull(overrides);
        var own = overrides.ToDictionary(o => new CiaScope(o.ScopeKind, o.ScopeId), o => o.Targets);
        return scope => scope.Kind == CiaScopeKind.Epci ? yearTargets : own.GetValueOrDefault(scope, yearTargets);
    }

    /// <summary>A rate is a percentage from 0 to 100; null when valid, else the French reason.</summary>
    public static string? CheckRate(decimal rate) => rate is < 0 or > 100 ? "Un taux est un pourcentage compris entre 0 et 100." : null;
}
