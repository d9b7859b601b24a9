using CilPortal.Domain.Stock;

namespace CilPortal.Domain.Information;

/// <summary>Social dwellings of a commune and typology.</summary>
public sealed record StockCount(string CommuneInseeCode, Typology Typology, int Count);

/// <summary>Active demands whose first choice is a commune, with the typologies they accept.</summary>
public sealed record DemandCount(string? FirstChoiceInseeCode, TypologySet WishedTypologies, int Count);

/// <summary>An allocation followed by a signed lease: where, what, and how long the applicant waited.</summary>
public sealed record LeaseRecord(string CommuneInseeCode, Typology Typology, DateOnly FiledOn, DateOnly LeaseSignedOn);

/// <summary>Observed wait from filing to lease, in months; only published from <see cref="Disclosure.MinimumCount"/> leases.</summary>
public sealed record WaitStatistics(int Leases, decimal MedianMonths, decimal Percentile75Months);

/// <summary>Figures of one typology, or of all (<see cref="Typology"/> null).</summary>
public sealed record TypologyFigures(Typology? Typology, int Stock, int ActiveDemands, int LeasesLastYear, decimal? DemandsPerAllocation, WaitStatistics? Wait);

public sealed record KeyFigures(IReadOnlyList<TypologyFigures> ByTypology, TypologyFigures Total, int WaitWindowMonths);

/// <summary>Rule that protects privacy in published statistics: counts under 5 are not shown.</summary>
public static class Disclosure
{
    public const int MinimumCount = 5;

    public static bool CanShow(int count) => count >= MinimumCount;

    /// <summary>
    /// Which cells of a column published with its total must be hidden: those under 5 and, when only one
    /// is, the smallest other one too (secondary suppression), so that no hidden cell can be found by
    /// subtracting the visible ones from the total.
    /// </summary>
    public static bool[] HiddenCells(IReadOnlyList<int> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var hidden = cells.Select(c => !CanShow(c)).ToArray();
        if (hidden.Count(h => h) == 1)
        {
            var smallestVisible = Enumerable.Range(0, cells.Count).Where(i => !hidden[i]).OrderBy(i => cells[i]).Cast<int?>().FirstOrDefault();
            if (smallestVisible is { } index)
            {
                hidden[index] = true;
            }
        }

        return hidden;
    }
}

/// <summary>
/// Key figures of the PPGD for the EPCI or one commune (R441-2-10): stock, active demands, allocations
/// over 12 months, demand pressure and observed waits by typology. A demand is counted in the commune
/// of its first choice and under every typology it accepts (the total counts it once); waits are
/// measured on the leases of the last <see cref="WaitWindowMonths"/> months, to have enough of them.
/// </summary>
public static class KeyFiguresCalculator
{
    public const int WaitWindowMonths = 36;
    private const decimal DaysPerMonth = 30.4375m;

    public static KeyFigures Compute(
        IEnumerable<StockCount> stock, IEnumerable<DemandCount> demands, IEnumerable<LeaseRecord> leases, DateOnly today, string? communeInseeCode = null)
    {
        ArgumentNullException.ThrowIfNull(stock);
        ArgumentNullException.ThrowIfNull(demands);
        ArgumentNullException.ThrowIfNull(leases);
        bool InScope(string? commune) => communeInseeCode is null || commune == communeInseeCode;

        var stockByTypology = stock.Where(s => InScope(s.CommuneInseeCode)).GroupBy(s => s.Typology).ToDictionary(g => g.Key, g => g.Sum(s => s.Count));
        var scopedDemands = demands.Where(d => InScope(d.FirstChoiceInseeCode)).ToList();
        var yearAgo = today.AddYears(-1);
        var windowStart = today.AddMonths(-WaitWindowMonths);

        // One pass over the leases (the largest input, read on every request of the public pages): the waits in days
        // and the leases of the last 12 months, by typology and in all.
        var waitDays = new Dictionary<Typology, List<int>>();
        var lastYearCounts = new Dictionary<Typology, int>();
        var allWaitDays = new List<int>();
        var allLastYear = 0;
        foreach (var lease in leases)
        {
            if (!InScope(lease.CommuneInseeCode) || lease.LeaseSignedOn > today || lease.LeaseSignedOn <= windowStart)
            {
                continue;
            }

            var days = lease.LeaseSignedOn.DayNumber - lease.FiledOn.DayNumber;
            var lastYear = lease.LeaseSignedOn > yearAgo ? 1 : 0;
            allWaitDays.Add(days);
            allLastYear += lastYear;
            if (!waitDays.TryGetValue(lease.Typology, out var ofTypology))
            {
                waitDays[lease.Typology] = ofTypology = [];
            }

            ofTypology.Add(days);
            lastYearCounts[lease.Typology] = lastYearCounts.GetValueOrDefault(lease.Typology) + lastYear;
        }

        TypologyFigures Figures(Typology? typology)
        {
            bool Matches(Typology t) => typology is null || t == typology;
            var stockCount = stockByTypology.Where(p => Matches(p.Key)).Sum(p => p.Value);
            var demandCount = scopedDemands.Where(d => typology is null || d.WishedTypologies.Includes(typology.Value)).Sum(d => d.Count);
            var waits = typology is { } t ? waitDays.GetValueOrDefault(t) ?? [] : allWaitDays;
            var lastYear = typology is { } u ? lastYearCounts.GetValueOrDefault(u) : allLastYear;
            return new TypologyFigures(
                typology,
                stockCount,
                demandCount,
                lastYear,
                Disclosure.CanShow(demandCount) && Disclosure.CanShow(lastYear) ? Math.Round((decimal)demandCount / lastYear, 1) : null,
                WaitsInDays(waits));
        }

        return new KeyFigures([.. Enum.GetValues<Typology>().Select(t => Figures(t))], Figures(null), WaitWindowMonths);
    }

    /// <summary>Median and 75th percentile (linear interpolation) of the waits, or null under the disclosure threshold.</summary>
    public static WaitStatistics? Waits(IReadOnlyCollection<LeaseRecord> leases)
    {
        ArgumentNullException.ThrowIfNull(leases);
        return WaitsInDays([.. leases.Select(l => l.LeaseSignedOn.DayNumber - l.FiledOn.DayNumber)]);
    }

    /// <summary>
    /// <see cref="Waits"/> from the waits in days, sorted in place: the days are sorted as integers and only the values
    /// the percentiles interpolate between are converted to months (the conversion keeps the order, so the figures are
    /// those of the months sorted, without converting and comparing thousands of decimals on each request).
    /// </summary>
    private static WaitStatistics? WaitsInDays(List<int> days)
    {
        if (!Disclosure.CanShow(days.Count))
        {
            return null;
        }

        days.Sort();
        return new WaitStatistics(days.Count, Math.Round(PercentileInMonths(days, 0.5m), 1), Math.Round(PercentileInMonths(days, 0.75m), 1));
    }

    /// <summary><see cref="Percentile"/> of the sorted waits in days, converted to months.</summary>
    private static decimal PercentileInMonths(List<int> sortedDays, decimal p)
    {
        var rank = p * (sortedDays.Count - 1);
        var lower = (int)Math.Floor(rank);
        var upper = Math.Min(lower + 1, sortedDays.Count - 1);
        var lowerMonths = sortedDays[lower] / DaysPerMonth;
        var upperMonths = sortedDays[upper] / DaysPerMonth;
        return lowerMonths + ((rank - lower) * (upperMonths - lowerMonths));
    }

    /// <summary>Percentile of sorted values, linear interpolation between closest ranks (the spreadsheet method).</summary>
    public static decimal Percentile(IReadOnlyList<decimal> sorted, decimal p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("Aucune valeur.", nameof(sorted));
        }

        var rank = p * (sorted.Count - 1);
        var lower = (int)Math.Floor(rank);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + ((rank - lower) * (sorted[upper] - sorted[lower]));
    }
}
