using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CilPortal.Domain.Scoring;
using CilPortal.Infrastructure.Scoring;

namespace CilPortal.Benchmarks;

/// <summary>One measure of <see cref="DomainMeasure"/>, as written to the JSON file.</summary>
public sealed record DomainResult(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("target_ms")] double TargetMs,
    [property: JsonPropertyName("measured_ms")] double MeasuredMs,
    [property: JsonPropertyName("allocated_mb")] double AllocatedMb,
    [property: JsonPropertyName("met")] bool Met);

/// <summary>
/// The domain hot paths of issue #11 timed with a stopwatch (BenchmarkDotNet is slow on a shared machine): the cotation of
/// 100,000 demands (<see cref="ScoringBenchmarks"/>), the CIA indicators (<see cref="CiaBenchmarks"/>), the key figures
/// (<see cref="KeyFiguresBenchmarks"/>) and the SNE import of 10,000 demands (<see cref="SneImportBenchmarks"/>), each after
/// a warm-up, the minimum over a few rounds.
/// <c>dotnet run -c Release --project tests/CilPortal.Benchmarks -- domain [bench/results/domain.json]</c> writes the JSON
/// there and the Markdown table beside it (same name, <c>.md</c>), keeping what follows <see cref="NotesMarker"/> in it.
/// </summary>
public static class DomainMeasure
{
    public const string NotesMarker = "<!-- notes: kept as they are when the table is measured again -->";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var jsonPath = args.Length > 1 ? args[1] : Path.Combine("bench", "results", "domain.json");
        var environment = $"{Environment.ProcessorCount} logical cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, server GC {System.Runtime.GCSettings.IsServerGC}";
        Console.WriteLine(environment);
        var results = new List<(DomainResult Result, int Rounds, double Median)>();

        void Report(string name, double targetMs, int rounds, Func<object?> run, Action? before = null, Action? warmUp = null)
        {
            var (min, median, allocated) = Time(rounds, run, before, warmUp);
            var result = new DomainResult(name, targetMs, Math.Round(min, 2), Math.Round(allocated, 1), min < targetMs);
            results.Add((result, rounds, median));
            Console.WriteLine($"{name}: min {min:0.00} ms, median {median:0.00} ms over {rounds}, {allocated:0.0} MB allocated (target {targetMs} ms: {(result.Met ? "met" : "MISSED")})");
        }

        var today = new DateOnly(2026, 11, 28);
        var grid = ExampleGrid.Create(new DateOnly(2026, 1, 1), DateTimeOffset.UnixEpoch);
        var subjects = ScoringBenchmarks.Generate(100_000, 20261128);
        Report("Cotation of 100,000 demands (scores, breakdowns, ranks)", 2_000, 3, () => ScoringService.Score(grid, subjects, today));
        subjects = [];

        var cia = new CiaBenchmarks();
        cia.Setup();
        Report("CIA: EPCI dashboard of a year (EPCI, bailleurs, sectors, réservataires), 30,000 leases over 3 years", 100, 10, cia.DashboardYear);
        Report("CIA: dashboards of the 3 years, 30,000 leases", 100, 10, () => cia.DashboardThreeYears());
        Report("CIA: largest bailleur's indicators of a year", 100, 10, cia.BailleurYear);
        cia = null;

        var keyFigures = new KeyFiguresBenchmarks();
        keyFigures.Setup();
        Report("Key figures: EPCI page (100,000 demands, 30,000 leases, 60 communes)", 10, 20, keyFigures.Epci);
        Report("Key figures: largest commune's page", 5, 20, keyFigures.LargestCommune);
        Report("Key figures: EPCI and all 60 communes' pages", 100, 5, () => keyFigures.AllPages());
        keyFigures = null;

        using (var database = SneImportDatabase.PrepareAsync().GetAwaiter().GetResult())
        {
            var file = SneFileGenerator.Generate(10_000, SneFileGenerator.Seed);
            Console.WriteLine($"SNE file: {file.Length / 1e6:0.0} MB");
            CilPortal.Infrastructure.Data.CilPortalDbContext db = null!;
            var warmUp = SneFileGenerator.Generate(300, SneFileGenerator.Seed + 1);
            Report(
                "SNE import of 10,000 demands into a fresh migrated SQLite database (with the cotation)",
                30_000,
                3,
                () =>
                {
                    var report = SneImportDatabase.ImportAsync(db, file).GetAwaiter().GetResult();
                    db.Dispose();
                    database.DeleteCopy();
                    return report;
                },
                before: () => db = database.FreshContext(),
                warmUp: () =>
                {
                    using var context = database.FreshContext();
                    _ = SneImportDatabase.ImportAsync(context, warmUp).GetAwaiter().GetResult();
                    context.Dispose();
                    database.DeleteCopy();
                });
        }

        Write(jsonPath, results, environment);
    }

    /// <summary>A warm-up (a call, unless given), then <paramref name="rounds"/> timed calls (each after <paramref name="before"/>, not timed).</summary>
    private static (double MinMs, double MedianMs, double AllocatedMb) Time(int rounds, Func<object?> run, Action? before, Action? warmUp)
    {
        if (warmUp is not null)
        {
            warmUp();
        }
        else
        {
            before?.Invoke();
            GC.KeepAlive(run());
        }

        var times = new double[rounds];
        var allocated = double.MaxValue;
        for (var round = 0; round < rounds; round++)
        {
            before?.Invoke();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var allocatedBefore = GC.GetTotalAllocatedBytes(true);
            var sw = Stopwatch.StartNew();
            GC.KeepAlive(run());
            times[round] = sw.Elapsed.TotalMilliseconds;
            allocated = Math.Min(allocated, (GC.GetTotalAllocatedBytes(true) - allocatedBefore) / 1e6);
        }

        Array.Sort(times);
        return (times[0], times[rounds / 2], allocated);
    }

    private static void Write(string jsonPath, List<(DomainResult Result, int Rounds, double Median)> results, string environment)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(jsonPath))!;
        Directory.CreateDirectory(folder);
        File.WriteAllText(jsonPath, JsonSerializer.Serialize(results.Select(r => r.Result).ToList(), JsonOptions) + "\n");

        var markdownPath = Path.ChangeExtension(jsonPath, ".md");
        var notes = File.Exists(markdownPath) ? File.ReadAllText(markdownPath) : "";
        var kept = notes.IndexOf(NotesMarker, StringComparison.Ordinal) is var at and >= 0 ? notes[at..] : NotesMarker + "\n";
        var text = new StringBuilder();
        text.AppendLine("# Domain hot paths (issue #11)");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Measured by `dotnet run -c Release --project tests/CilPortal.Benchmarks -- domain` on {DateTime.UtcNow:yyyy-MM-dd} ({environment}): minimum over the rounds, after a warm-up; allocated is the managed allocation of one round. The BenchmarkDotNet classes `ScoringBenchmarks`, `CiaBenchmarks`, `KeyFiguresBenchmarks` and `SneImportBenchmarks` measure the same.");
        text.AppendLine();
        text.AppendLine("| measure | target | measured (min) | median | rounds | allocated | met |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|:---:|");
        foreach (var (result, rounds, median) in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {result.Name} | < {Milliseconds(result.TargetMs)} | {Milliseconds(result.MeasuredMs)} | {Milliseconds(median)} | {rounds} | {result.AllocatedMb:0.0} MB | {(result.Met ? "yes" : "**no**")} |");
        }

        text.AppendLine();
        text.Append(kept);
        File.WriteAllText(markdownPath, text.ToString());
        Console.WriteLine($"Written {jsonPath} and {markdownPath}");
    }

    private static string Milliseconds(double ms) =>
        ms >= 1000 ? string.Create(CultureInfo.InvariantCulture, $"{ms / 1000:0.##} s") : string.Create(CultureInfo.InvariantCulture, $"{ms:0.##} ms");
}
