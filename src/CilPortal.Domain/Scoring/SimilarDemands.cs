using CilPortal.Domain.Stock;

namespace CilPortal.Domain.Scoring;

/// <summary>A demand as the ranking sees it.</summary>
public readonly record struct RankedDemand(int DemandId, string? SimilarKey, int Score, DateOnly FiledOn);

/// <summary>
/// "Similar demands" (R441-2-17): same first-choice commune and same smallest wished typology. Ranks go
/// from 1 (highest score) within each group; equal scores are ordered by filing date, then by demand.
/// </summary>
public static class SimilarDemands
{
    public static string? Key(Typology? firstTypology, string? firstCommuneInseeCode) =>
        firstTypology is { } typology && !string.IsNullOrEmpty(firstCommuneInseeCode) ? $"{typology}|{firstCommuneInseeCode}" : null;

    public static (Typology Typology, string CommuneInseeCode)? Parse(string? key)
    {
        var parts = key?.Split('|');
        return parts is [var typology, var commune] && Enum.TryParse<Typology>(typology, out var parsed) ? (parsed, commune) : null;
    }

    /// <summary>Rank and group size of every demand that has a group.</summary>
    public static Dictionary<int, (int Rank, int Count)> Rank(IEnumerable<RankedDemand> demands)
    {
        var result = new Dictionary<int, (int Rank, int Count)>();
        foreach (var group in demands.Where(d => d.SimilarKey is not null).GroupBy(d => d.SimilarKey, StringComparer.Ordinal))
        {
            var ordered = group.OrderByDescending(d => d.Score).ThenBy(d => d.FiledOn).ThenBy(d => d.DemandId).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                result[ordered[i].DemandId] = (i + 1, ordered.Count);
            }
        }

        return result;
    }
}

/// <summary>How many demands have the score <see cref="Score"/>.</summary>
public readonly record struct ScoreCount(int Score, int Count);

/// <summary>A bar of a score histogram: scores from <see cref="From"/> to <see cref="To"/> included.</summary>
public sealed record HistogramBar(int From, int To, int Count, bool ContainsOwnScore);

public static class ScoreHistogram
{
    /// <summary>
    /// Bars of equal width (a round number) covering 0 to the highest score (or <paramref name="upTo"/> when
    /// higher), at most <paramref name="maxBars"/> of them; the bar holding <paramref name="ownScore"/> is marked.
    /// </summary>
    public static IReadOnlyList<HistogramBar> Build(IReadOnlyCollection<int> scores, int? ownScore, int upTo = 0, int maxBars = 10)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return Build([.. scores.CountBy(s => s).Select(c => new ScoreCount(c.Key, c.Value))], ownScore, upTo, maxBars);
    }

    /// <summary>The same from the number of demands at each score (a group of a metropolis: tens of thousands of demands, a few hundred scores).</summary>
    public static IReadOnlyList<HistogramBar> Build(IReadOnlyList<ScoreCount> counts, int? ownScore, int upTo = 0, int maxBars = 10)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var highestScore = 0;
        foreach (var count in counts)
        {
            highestScore = Math.Max(highestScore, count.Score);
        }

        var highest = Math.Max(Math.Max(upTo, ownScore ?? 0), highestScore);
        var width = 1;
        foreach (var candidate in new[] { 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000, 100000 })
        {
            width = candidate;
            if ((highest / candidate) + 1 <= maxBars)
            {
                break;
            }
        }

        var bars = (highest / width) + 1;
        var perBar = new int[bars];
        foreach (var count in counts)
        {
            perBar[Math.Clamp(count.Score, 0, highest) / width] += count.Count;
        }

        return [.. Enumerable.Range(0, bars).Select(i => new HistogramBar(i * width, (i * width) + width - 1, perBar[i], ownScore is { } own && own / width == i))];
    }
}
