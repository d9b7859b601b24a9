using CilPortal.Domain.Stock;

namespace CilPortal.Domain.Scoring;

/// <summary>A demand scored with the grid in force and with a draft.</summary>
public readonly record struct ComparedDemand(int DemandId, string Nur, string? SimilarKey, DateOnly FiledOn, int Before, int After);

public sealed record Mover(int DemandId, string Nur, int Before, int After, int? RankBefore, int? RankAfter)
{
    public int Change => After - Before;
}

/// <summary>How ranks among similar demands move for one typology.</summary>
public sealed record RankChanges(Typology Typology, int Demands, int Changed, int LargestMove);

/// <summary>What publishing a draft would change: distributions, the demands that move most, rank changes per typology.</summary>
public sealed record GridComparisonResult(
    int Demands,
    IReadOnlyList<HistogramBar> Before,
    IReadOnlyList<HistogramBar> After,
    double MeanBefore,
    double MeanAfter,
    int Raised,
    int Lowered,
    IReadOnlyList<Mover> LargestMoves,
    IReadOnlyList<RankChanges> RankChangesByTypology);

public static class GridComparison
{
    public static GridComparisonResult Compare(IReadOnlyList<ComparedDemand> demands, int movers = 10)
    {
        ArgumentNullException.ThrowIfNull(demands);
        var before = SimilarDemands.Rank(demands.Select(d => new RankedDemand(d.DemandId, d.SimilarKey, d.Before, d.FiledOn)));
        var after = SimilarDemands.Rank(demands.Select(d => new RankedDemand(d.DemandId, d.SimilarKey, d.After, d.FiledOn)));

        // Both histograms share their bars so that they can be read side by side.
        var highest = demands.Count == 0 ? 0 : demands.Max(d => Math.Max(d.Before, d.After));
        var beforeBars = ScoreHistogram.Build([.. demands.Select(d => d.Before)], null, highest);
        var afterBars = ScoreHistogram.Build([.. demands.Select(d => d.After)], null, highest);

        var largest = demands
            .Where(d => d.After != d.Before)
            .OrderByDescending(d => Math.Abs(d.After - d.Before)).ThenBy(d => d.Nur, StringComparer.Ordinal)
            .Take(movers)
            .Select(d => new Mover(d.DemandId, d.Nur, d.Before, d.After,
                before.TryGetValue(d.DemandId, out var rb) ? rb.Rank : null,
                after.TryGetValue(d.DemandId, out var ra) ? ra.Rank : null))
            .ToList();

        var byTypology = demands
            .Select(d => (d, parsed: SimilarDemands.Parse(d.SimilarKey)))
            .Where(x => x.parsed is not null)
            .GroupBy(x => x.parsed!.Value.Typology)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var moves = g.Select(x => Math.Abs(after[x.d.DemandId].Rank - before[x.d.DemandId].Rank)).ToList();
                return new RankChanges(g.Key, moves.Count, moves.Count(m => m > 0), moves.Count == 0 ? 0 : moves.Max());
            })
            .ToList();

        return new GridComparisonResult(
            demands.Count,
            beforeBars,
            afterBars,
            demands.Count == 0 ? 0 : demands.Average(d => d.Before),
            demands.Count == 0 ? 0 : demands.Average(d => d.After),
            demands.Count(d => d.After > d.Before),
            demands.Count(d => d.After < d.Before),
            largest,
            byTypology);
    }
}
