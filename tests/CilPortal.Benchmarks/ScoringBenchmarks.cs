using BenchmarkDotNet.Attributes;
using CilPortal.Domain.Demands;
using CilPortal.Domain.Scoring;
using CilPortal.Domain.Stock;
using CilPortal.Infrastructure.Scoring;

namespace CilPortal.Benchmarks;

/// <summary>
/// The cotation targets of the issue: one demand under 50 µs; a full recomputation of 100,000 demands
/// (score, breakdown serialised as stored, ranks among similar demands) under 2 s on one core, with
/// memory growing linearly with the number of demands (compare the allocations of the two sizes).
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private ScoreCalculator calculator = null!;
    private ScoringGrid grid = null!;
    private ScoringFacts typical = null!;
    private List<ScoringSubject> subjects = [];

    [Params(10_000, 100_000)]
    public int Demands { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        grid = ExampleGrid.Create(new DateOnly(2026, 1, 1), DateTimeOffset.UnixEpoch);
        calculator = new ScoreCalculator(grid);
        subjects = Generate(Demands, seed: 20261128);
        typical = subjects[0].Facts with
        {
            Situations = DemandSituations.EvictionThreat | DemandSituations.Disability,
            CurrentHousing = HousingSituation.PrivateTenant,
            CurrentRent = 620m,
            MonthlyResources = 1400m,
            RefusalDates = [Today.AddMonths(-3)],
        };
    }

    [Benchmark]
    public ScoreResult OneDemand() => calculator.Compute(typical, Today);

    [Benchmark]
    public List<DemandScore> AllDemandsWithRanks() => ScoringService.Score(grid, subjects, Today);

    public static List<ScoringSubject> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var communes = Enumerable.Range(0, 37).Select(i => $"11{i:D3}").ToArray();
        var subjects = new List<ScoringSubject>(count);
        for (var i = 0; i < count; i++)
        {
            var persons = random.Next(1, 7);
            var facts = new ScoringFacts(
                Today.AddDays(-random.Next(0, 2500)),
                random.Next(100) < 20,
                random.Next(100) < 3,
                (HousingSituation)random.Next(1, 9),
                (DemandSituations)(random.Next(128) & random.Next(128) & random.Next(128)),
                persons,
                random.Next(100) < 15,
                null,
                random.Next(100) < 60 ? random.Next(15, 90) : null,
                random.Next(100) < 60 ? random.Next(250, 900) : null,
                random.Next(0, 3500),
                random.Next(100) < 5 ? [Today.AddDays(-random.Next(0, 500))] : []);
            var typology = (Typology)Math.Clamp(persons, 1, 6);
            subjects.Add(new ScoringSubject(i + 1, $"{i:D18}", SimilarDemands.Key(typology, communes[random.Next(communes.Length)]), facts));
        }

        return subjects;
    }
}
