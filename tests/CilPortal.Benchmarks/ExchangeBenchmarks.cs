using BenchmarkDotNet.Attributes;
using CilPortal.Domain.Exchanges;

namespace CilPortal.Benchmarks;

/// <summary>
/// The exchange-matching targets of issue #6: 50,000 listings with about 12 acceptable dwellings each, graph and all 2- and
/// 3-cycles under 0.5 s and one listing's cycles under 10 ms; with about 50 each, graph and cycles under 5 s and 3 GB.
/// <c>dotnet run -c Release --project tests/CilPortal.Benchmarks -- --filter '*Exchange*'</c>; on a shared machine the
/// phase-by-phase measure is quicker: <c>-- exchange</c> (<see cref="ExchangeMeasure"/>).
/// </summary>
[MemoryDiagnoser]
public class ExchangeBenchmarks
{
    private List<ExchangeCandidate> candidates = [];
    private CompatibilityGraph graph = null!;
    private ExchangeCycleSet cycles = null!;
    private int[] probes = [];
    private int next;

    [Params(12, 50)]
    public int AcceptableDwellings { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        candidates = SyntheticExchangeListings.Generate(50_000, seed: 20261128, AcceptableDwellings);
        graph = CompatibilityGraph.Build(candidates);
        cycles = graph.AllCycles();
        var random = new Random(1);
        probes = [.. Enumerable.Range(0, 1024).Select(_ => candidates[random.Next(candidates.Count)].ListingId)];
    }

    [Benchmark]
    public int GraphAndAllCycles() => CompatibilityGraph.Build(candidates).AllCycles().Count;

    [Benchmark]
    public int OneListingsCycles() => graph.CyclesOf(probes[next++ & 1023]).Count;

    /// <summary>What « Compatibles avec moi » asks: the twenty best only, ranked as they are found.</summary>
    [Benchmark]
    public int OneListingsTwentyBestCycles() => graph.CyclesOf(probes[next++ & 1023], 20).Count;

    [Benchmark]
    public long GlobalProposal() => ExchangePlanner.Propose(cycles, c => c.ListingId % 10 != 0).TotalScore;
}
