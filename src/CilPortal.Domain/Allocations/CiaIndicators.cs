namespace CilPortal.Domain.Allocations;

/// <summary>The CIA rates for a year, in percent (defaults of L441-1: 25 / 50 / 25).</summary>
public sealed record CiaTargets(decimal OutsideQpvFirstQuartile, decimal InQpvOtherQuartiles, decimal PriorityPublics)
{
    public static CiaTargets Default { get; } = new(25m, 50m, 25m);
}

/// <summary>One allocation followed by a signed lease, as the indicators count it.</summary>
/// <param name="LeaseSignedOn">The date the lease was signed: the indicators of its calendar year count it.</param>
/// <param name="ReservataireId">The réservataire whose flow the vacancy was counted in (or the bailleur's non-reserved flow).</param>
/// <param name="Classification">The CIA classification of the allocation (its QPV code included).</param>
/// <param name="BailleurId">The bailleur owning the dwelling.</param>
/// <param name="CommuneInseeCode">The INSEE code of the dwelling's commune (its residence's).</param>
public sealed record CountedAllocation(
    DateOnly LeaseSignedOn,
    int ReservataireId,
    CiaClassification Classification,
    int BailleurId,
    string CommuneInseeCode);

/// <summary>One indicator: how many allocations count, how many meet the target, the share, and what is still needed.</summary>
/// <param name="Total">Allocations in the indicator's scope (e.g. outside QPV).</param>
/// <param name="Met">Those that meet the target (e.g. first quartile).</param>
/// <param name="Unknown">Those whose quartile is unknown (no threshold for the year, empty household): in the total, not met.</param>
/// <param name="TargetPercent">The rate to reach.</param>
/// <param name="ProjectedTotal">Total expected by year end at the current pace.</param>
/// <param name="StillNeeded">Allocations meeting the target still needed by year end at the current pace (0 when reached).</param>
public sealed record CiaIndicator(int Total, int Met, int Unknown, decimal TargetPercent, int ProjectedTotal, int StillNeeded)
{
    /// <summary>Share of the total meeting the target, in percent; null when nothing counts yet.</summary>
    public decimal? SharePercent => Total == 0 ? null : decimal.Round(100m * Met / Total, 1);

    public bool IsReached => Total > 0 && 100m * Met >= TargetPercent * Total;
}

/// <summary>The priority-public indicator of one réservataire (or of the bailleur's non-reserved flow).</summary>
public sealed record ReservataireIndicator(int ReservataireId, CiaIndicator Indicator);

/// <summary>The three CIA indicators of a year, up to a date.</summary>
public sealed record CiaYearIndicators(
    int Year,
    DateOnly AsOf,
    CiaIndicator OutsideQpvFirstQuartile,
    CiaIndicator InQpvOtherQuartiles,
    CiaIndicator PriorityPublics,
    IReadOnlyList<ReservataireIndicator> PriorityPublicsByReservataire,
    IReadOnlyList<int> LeasesByMonth);

/// <summary>
/// The CIA indicators (L441-1), pure: counted over allocations followed by a lease signed in the calendar
/// year, up to a date. The same computation serves a bailleur's objectives and the EPCI's dashboard.
/// </summary>
public static class CiaIndicatorCalculator
{
    public static CiaYearIndicators Compute(int year, DateOnly asOf, IEnumerable<CountedAllocation> allocations, CiaTargets targets)
    {
        ArgumentNullException.ThrowIfNull(allocations);
        ArgumentNullException.ThrowIfNull(targets);
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var until = asOf < end ? asOf : end;
        var counted = allocations.Where(a => IsCounted(year, asOf, a)).ToList();
        var pace = Pace(start, end, until);

        var outside = counted.Where(a => !a.Classification.DwellingInQpv).ToList();
        var inside = counted.Where(a => a.Classification.DwellingInQpv).ToList();
        var byMonth = new int[12];
        foreach (var allocation in counted)
        {
            byMonth[allocation.LeaseSignedOn.Month - 1]++;
        }

        return new CiaYearIndicators(
            year,
            until,
            Indicator(outside, a => a.Classification.MeetsQuartileTarget, targets.OutsideQpvFirstQuartile, pace),
            Indicator(inside, a => a.Classification.MeetsQuartileTarget, targets.InQpvOtherQuartiles, pace),
            Indicator(counted, a => a.Classification.IsPriorityPublic, targets.PriorityPublics, pace),
            [.. counted.GroupBy(a => a.ReservataireId).OrderBy(g => g.Key)
                .Select(g => new ReservataireIndicator(g.Key, Indicator([.. g], a => a.Classification.IsPriorityPublic, targets.PriorityPublics, pace)))],
            byMonth);
    }

    /// <summary>True when the allocation's lease is signed in the year, on or before <paramref name="asOf"/>.</summary>
    public static bool IsCounted(int year, DateOnly asOf, CountedAllocation allocation)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        var end = new DateOnly(year, 12, 31);
        return allocation.LeaseSignedOn.Year == year && allocation.LeaseSignedOn <= (asOf < end ? asOf : end);
    }

    /// <summary>
    /// The allocations still needed that meet the target, by year end, if allocations go on at the same pace:
    /// target × projected total − already met, rounded up, never negative.
    /// </summary>
    public static int StillNeeded(int met, int projectedTotal, decimal targetPercent) =>
        Math.Max(0, (int)Math.Ceiling((targetPercent * projectedTotal / 100m) - met));

    private static CiaIndicator Indicator(List<CountedAllocation> scope, Func<CountedAllocation, bool?> meets, decimal target, decimal pace)
    {
        var met = scope.Count(a => meets(a) == true);
        var unknown = scope.Count(a => meets(a) is null);
        var projected = (int)Math.Round(scope.Count * pace, MidpointRounding.AwayFromZero);
        return new CiaIndicator(scope.Count, met, unknown, target, projected, StillNeeded(met, projected, target));
    }

    /// <summary>Ratio of the whole year to the part elapsed (1 once the year is over).</summary>
    private static decimal Pace(DateOnly start, DateOnly end, DateOnly until)
    {
        if (until < start)
        {
            return 1m;
        }

        var elapsed = until.DayNumber - start.DayNumber + 1;
        var days = end.DayNumber - start.DayNumber + 1;
        return (decimal)days / elapsed;
    }
}
