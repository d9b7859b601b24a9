namespace CilPortal.Benchmarks;
using System.Diagnostics;
using CilPortal.Domain.Scoring;
using CilPortal.Infrastructure.Scoring;
public static class Measure
{
    public static void Run()
    {
        var today = new DateOnly(2026, 11, 28);
        var grid = ExampleGrid.Create(new DateOnly(2026, 1, 1), DateTimeOffset.UnixEpoch);
        var subjects = ScoringBenchmarks.Generate(100_000, 20261128);
        var calc = new ScoreCalculator(grid);
        for (var round = 0; round < 3; round++)
        {
            var sw = Stopwatch.StartNew();
            var results = subjects.Select(s => calc.Compute(s.Facts, today)).ToList();
            var t1 = sw.ElapsedMilliseconds;
            var json = results.Select(r => ScoringService.Serialise(r.Lines)).ToList();
            var t2 = sw.ElapsedMilliseconds;
            var ranks = SimilarDemands.Rank(subjects.Select((s, i) => new RankedDemand(s.DemandId, s.SimilarKey, results[i].Total, s.Facts.FiledOn)));
            var t3 = sw.ElapsedMilliseconds;
            Console.WriteLine($"compute {t1} ms, json {t2 - t1} ms, rank {t3 - t2} ms, lines/demand {results.Average(r => r.Lines.Count):0.0}");
        }
    }
}
