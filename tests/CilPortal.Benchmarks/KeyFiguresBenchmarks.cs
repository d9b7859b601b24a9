using BenchmarkDotNet.Attributes;
using CilPortal.Domain.Information;
using CilPortal.Domain.Stock;

namespace CilPortal.Benchmarks;

/// <summary>
/// The public key figures (R441-2-10) of issue #11 for a large territory: 60 communes, 24,000 social dwellings,
/// 100,000 active demands and 30,000 leases over the 36-month wait window. <c>KeyFiguresService</c> caches its inputs
/// as the database aggregates them (stock by commune and typology, active demands by first choice and accepted
/// typologies, one row per lease) and then runs <see cref="KeyFiguresCalculator.Compute"/> on every request of the
/// anonymous pages « Chiffres clés » (EPCI) and « Chiffres clés de la commune ». Since anyone can request them, without
/// sign-in, the target is per request: under 10 ms for the EPCI's figures and under 5 ms for one commune's (so that
/// the pages stay cheap under load, not only fast), and under 100 ms for the 61 pages of the territory together.
/// <c>dotnet run -c Release --project tests/CilPortal.Benchmarks -- --filter '*KeyFigures*' --job short</c>, or
/// <c>-- domain</c> (<see cref="DomainMeasure"/>).
/// </summary>
[MemoryDiagnoser]
public class KeyFiguresBenchmarks
{
    public const int Seed = 20261128;
    public static readonly DateOnly Today = new(2026, 11, 28);

    private KeyFiguresInputs inputs = null!;

    [GlobalSetup]
    public void Setup() => inputs = KeyFiguresInputs.Generate(Seed, communes: 60, demands: 100_000, leases: 30_000);

    /// <summary>The EPCI's page.</summary>
    [Benchmark]
    public KeyFigures Epci() => KeyFiguresCalculator.Compute(inputs.Stock, inputs.Demands, inputs.Leases, Today);

    /// <summary>The page of the largest commune.</summary>
    [Benchmark]
    public KeyFigures LargestCommune() => KeyFiguresCalculator.Compute(inputs.Stock, inputs.Demands, inputs.Leases, Today, inputs.Communes[0]);

    /// <summary>The EPCI's page and the 60 communes' (e.g. a crawler going through them).</summary>
    [Benchmark]
    public int AllPages()
    {
        var total = KeyFiguresCalculator.Compute(inputs.Stock, inputs.Demands, inputs.Leases, Today).Total.ActiveDemands;
        foreach (var commune in inputs.Communes)
        {
            total += KeyFiguresCalculator.Compute(inputs.Stock, inputs.Demands, inputs.Leases, Today, commune).Total.ActiveDemands;
        }

        return total;
    }
}

/// <summary>The inputs of the key figures as <c>KeyFiguresService</c> loads them from the database.</summary>
public sealed record KeyFiguresInputs(string[] Communes, List<StockCount> Stock, List<DemandCount> Demands, List<LeaseRecord> Leases)
{
    /// <summary>
    /// Communes of decreasing size (the first about a quarter of everything); demands wishing one to three adjacent
    /// typologies, 5 % without a first choice, grouped as the database groups them; leases over the last 36 months,
    /// filed 1 month to 8 years before.
    /// </summary>
    public static KeyFiguresInputs Generate(int seed, int communes, int demands, int leases)
    {
        var random = new Random(seed);
        var codes = Enumerable.Range(0, communes).Select(i => $"34{i * 5:D3}").ToArray();
        var weights = Enumerable.Range(0, communes).Select(i => 1.0 / (i + 1)).ToArray();
        var cumulative = new double[communes];
        var sum = 0.0;
        for (var i = 0; i < communes; i++)
        {
            sum += weights[i];
            cumulative[i] = sum;
        }

        string Commune()
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble() * sum);
            return codes[index < 0 ? Math.Min(~index, communes - 1) : index];
        }

        Typology AnyTypology() => (Typology)(1 + random.Next(100) switch { < 8 => 0, < 30 => 1, < 63 => 2, < 88 => 3, < 97 => 4, _ => 5 });

        var stock = new Dictionary<(string, Typology), int>();
        for (var d = 0; d < 24_000; d++)
        {
            var key = (Commune(), AnyTypology());
            stock[key] = stock.GetValueOrDefault(key) + 1;
        }

        var demandGroups = new Dictionary<(string?, TypologySet), int>();
        for (var d = 0; d < demands; d++)
        {
            var low = (int)AnyTypology();
            var high = Math.Min(6, low + random.Next(3));
            var set = TypologySet.None;
            for (var t = low; t <= high; t++)
            {
                set |= ((Typology)t).ToSet();
            }

            var key = (random.Next(100) < 5 ? null : Commune(), set);
            demandGroups[key] = demandGroups.GetValueOrDefault(key) + 1;
        }

        var today = KeyFiguresBenchmarks.Today;
        var windowDays = today.DayNumber - today.AddMonths(-36).DayNumber;
        var leaseRecords = new List<LeaseRecord>(leases);
        for (var l = 0; l < leases; l++)
        {
            var signed = today.AddDays(-random.Next(windowDays));
            var waitDays = 30 + (int)(2900 * Math.Pow(random.NextDouble(), 2));
            leaseRecords.Add(new LeaseRecord(Commune(), AnyTypology(), signed.AddDays(-waitDays), signed));
        }

        return new KeyFiguresInputs(
            codes,
            [.. stock.Select(p => new StockCount(p.Key.Item1, p.Key.Item2, p.Value))],
            [.. demandGroups.Select(p => new DemandCount(p.Key.Item1, p.Key.Item2, p.Value))],
            leaseRecords);
    }
}
