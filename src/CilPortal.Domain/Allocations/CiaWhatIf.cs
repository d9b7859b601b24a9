namespace CilPortal.Domain.Allocations;

/// <summary>The three CIA indicators.</summary>
public enum CiaIndicatorKind
{
    /// <summary>Outside QPV: share of first-quartile households (or urban-renewal rehousing).</summary>
    OutsideQpvFirstQuartile = 1,

    /// <summary>In QPV: share of households of quartiles 2 to 4.</summary>
    InQpvOtherQuartiles = 2,

    /// <summary>Share of priority publics (L441-1) or DALO-recognised households.</summary>
    PriorityPublics = 3,
}

/// <summary>One indicator before and after a hypothetical allocation.</summary>
/// <param name="Kind">Which indicator.</param>
/// <param name="Before">The indicator over the allocations already counted.</param>
/// <param name="After">The indicator with the hypothetical allocation counted too.</param>
public sealed record CiaIndicatorChange(CiaIndicatorKind Kind, CiaIndicator Before, CiaIndicator After)
{
    /// <summary>The allocation counts in this indicator's total (e.g. an allocation in QPV does not count outside QPV).</summary>
    public bool Counts => After.Total > Before.Total;

    /// <summary>The allocation meets this indicator's target.</summary>
    public bool Meets => After.Met > Before.Met;

    /// <summary>
    /// How many fewer allocations meeting the target are still needed by year end (negative when the allocation
    /// counts without meeting the target, which raises what is needed).
    /// </summary>
    public int StillNeededReduction => Before.StillNeeded - After.StillNeeded;

    /// <summary>The French name of the indicator, as shown.</summary>
    public string Label => CiaWhatIf.Label(Kind);
}

/// <summary>What a hypothetical allocation would change to the CIA indicators of a year.</summary>
/// <param name="Before">The indicators without it.</param>
/// <param name="After">The indicators with it, counted as a lease signed on the date of the indicators.</param>
/// <param name="Changes">The three indicators, before and after, in the order of <see cref="CiaIndicatorKind"/>.</param>
/// <param name="ReservatairePriorityPublics">The priority-public indicator of the allocation's réservataire, before and after.</param>
public sealed record CiaWhatIfResult(
    CiaYearIndicators Before,
    CiaYearIndicators After,
    IReadOnlyList<CiaIndicatorChange> Changes,
    CiaIndicatorChange ReservatairePriorityPublics)
{
    /// <summary>The change of one indicator.</summary>
    public CiaIndicatorChange this[CiaIndicatorKind kind] => Changes.Single(c => c.Kind == kind);
}

/// <summary>A candidate to a vacant dwelling: an id of the caller's choosing (e.g. the demand's) and its classification.</summary>
public sealed record CiaCandidate(int CandidateId, CiaClassification Classification);

/// <summary>A candidate ranked by <see cref="CiaWhatIf.Rank"/>, with why.</summary>
/// <param name="CandidateId">The candidate's id.</param>
/// <param name="Rank">1 for the candidate that helps the targets most.</param>
/// <param name="Score">Allocations still needed by year end that this one saves, over the indicators in play (see <see cref="CiaWhatIf.Rank"/>).</param>
/// <param name="InPlay">The indicators in play (not secured for year end), before and after this candidate.</param>
/// <param name="Simulation">The full simulation of this candidate.</param>
public sealed record CiaRankedCandidate(int CandidateId, int Rank, int Score, IReadOnlyList<CiaIndicatorChange> InPlay, CiaWhatIfResult Simulation)
{
    /// <summary>The indicators in play whose target this candidate meets: what it helps.</summary>
    public IReadOnlyList<CiaIndicatorChange> Helps => [.. InPlay.Where(c => c.Meets)];

    /// <summary>One French sentence per indicator in play: whether the candidate meets its target and what is still needed before and after.</summary>
    public IReadOnlyList<string> Explanation => [.. InPlay.Select(CiaWhatIf.Explain)];
}

/// <summary>
/// What-if for the CIA, pure: the indicators of a year with one more allocation (a candidate being examined), and
/// candidates ranked by how much they help the targets not yet secured.
/// </summary>
public static class CiaWhatIf
{
    /// <summary>
    /// The indicators before and after a hypothetical allocation, counted as a lease signed on
    /// <paramref name="asOf"/>: exactly <see cref="CiaIndicatorCalculator.Compute"/> over the allocations with it appended.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is not in <paramref name="year"/>: a lease can be added only to the current year.</exception>
    public static CiaWhatIfResult Simulate(
        int year,
        DateOnly asOf,
        IEnumerable<CountedAllocation> allocations,
        CiaTargets targets,
        CiaClassification hypothetical,
        int reservataireId,
        int bailleurId,
        string commune)
    {
        ArgumentNullException.ThrowIfNull(allocations);
        ArgumentNullException.ThrowIfNull(targets);
        var counted = allocations.Where(a => CiaIndicatorCalculator.IsCounted(year, asOf, a)).ToList();
        return Simulate(year, asOf, counted, CiaIndicatorCalculator.Compute(year, asOf, counted, targets), targets, hypothetical, reservataireId, bailleurId, commune);
    }

    /// <summary>
    /// Ranks candidates for one dwelling (same réservataire, bailleur and commune) by how much each would help
    /// the targets not yet secured, deterministically:
    /// <list type="number">
    /// <item>The indicators in play are those of the three that still need allocations by year end at the current
    /// pace (<see cref="CiaIndicator.StillNeeded"/> &gt; 0 before any candidate); the others are left out, so
    /// a target already secured neither rewards nor penalises a candidate.</item>
    /// <item>The score is the sum, over the indicators in play, of <see cref="CiaIndicatorChange.StillNeededReduction"/>:
    /// positive for what the candidate meets, possibly negative for an indicator it counts in without meeting it.</item>
    /// <item>Higher score first; on a tie, the candidate meeting more indicators in play first (it moves the shares
    /// even when the rounded need does not change); then the lower candidate id.</item>
    /// </list>
    /// </summary>
    /// <exception cref="ArgumentException">Two candidates have the same id.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is not in <paramref name="year"/>.</exception>
    public static IReadOnlyList<CiaRankedCandidate> Rank(
        int year,
        DateOnly asOf,
        IEnumerable<CountedAllocation> allocations,
        CiaTargets targets,
        IEnumerable<CiaCandidate> candidates,
        int reservataireId,
        int bailleurId,
        string commune)
    {
        ArgumentNullException.ThrowIfNull(allocations);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(candidates);
        var list = candidates.ToList();
        if (list.GroupBy(c => c.CandidateId).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new ArgumentException($"Candidate {duplicate.Key} is given twice.", nameof(candidates));
        }

        var counted = allocations.Where(a => CiaIndicatorCalculator.IsCounted(year, asOf, a)).ToList();
        var before = CiaIndicatorCalculator.Compute(year, asOf, counted, targets);
        return [.. list
            .Select(c =>
            {
                var simulation = Simulate(year, asOf, counted, before, targets, c.Classification, reservataireId, bailleurId, commune);
                var inPlay = simulation.Changes.Where(change => change.Before.StillNeeded > 0).ToList();
                return (Candidate: c, Simulation: simulation, InPlay: inPlay, Score: inPlay.Sum(change => change.StillNeededReduction), Meets: inPlay.Count(change => change.Meets));
            })
            .OrderByDescending(x => x.Score)
            .ThenByDescending(x => x.Meets)
            .ThenBy(x => x.Candidate.CandidateId)
            .Select((x, i) => new CiaRankedCandidate(x.Candidate.CandidateId, i + 1, x.Score, x.InPlay, x.Simulation))];
    }

    /// <summary>The French name of an indicator, as shown on the objectives pages.</summary>
    public static string Label(CiaIndicatorKind kind) => kind switch
    {
        CiaIndicatorKind.OutsideQpvFirstQuartile => "Hors QPV : premier quartile",
        CiaIndicatorKind.InQpvOtherQuartiles => "En QPV : quartiles 2 à 4",
        CiaIndicatorKind.PriorityPublics => "Publics prioritaires",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>A French sentence: whether the allocation meets the indicator's target and what is still needed before and after.</summary>
    public static string Explain(CiaIndicatorChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var effect = change.Meets ? "répond à l'objectif" : change.Counts ? "compte sans répondre à l'objectif" : "ne compte pas";
        return $"{change.Label} : {effect} ; attributions encore nécessaires d'ici la fin de l'année : {change.Before.StillNeeded} → {change.After.StillNeeded}.";
    }

    private static CiaWhatIfResult Simulate(
        int year,
        DateOnly asOf,
        List<CountedAllocation> counted,
        CiaYearIndicators before,
        CiaTargets targets,
        CiaClassification hypothetical,
        int reservataireId,
        int bailleurId,
        string commune)
    {
        ArgumentNullException.ThrowIfNull(hypothetical);
        ArgumentNullException.ThrowIfNull(commune);
        if (asOf.Year != year)
        {
            throw new ArgumentOutOfRangeException(nameof(asOf), asOf, $"The hypothetical lease is signed on the date, which must be in {year}.");
        }

        var after = CiaIndicatorCalculator.Compute(year, asOf, [.. counted, new CountedAllocation(asOf, reservataireId, hypothetical, bailleurId, commune)], targets);
        CiaIndicator ReservataireOf(CiaYearIndicators indicators) =>
            indicators.PriorityPublicsByReservataire.FirstOrDefault(r => r.ReservataireId == reservataireId)?.Indicator
            ?? new CiaIndicator(0, 0, 0, targets.PriorityPublics, 0, 0);

        return new CiaWhatIfResult(
            before,
            after,
            [
                new(CiaIndicatorKind.OutsideQpvFirstQuartile, before.OutsideQpvFirstQuartile, after.OutsideQpvFirstQuartile),
                new(CiaIndicatorKind.InQpvOtherQuartiles, before.InQpvOtherQuartiles, after.InQpvOtherQuartiles),
                new(CiaIndicatorKind.PriorityPublics, before.PriorityPublics, after.PriorityPublics),
            ],
            new(CiaIndicatorKind.PriorityPublics, ReservataireOf(before), ReservataireOf(after)));
    }
}
