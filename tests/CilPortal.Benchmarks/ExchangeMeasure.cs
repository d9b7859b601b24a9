namespace CilPortal.Benchmarks;

using System.Diagnostics;
using System.Globalization;
using CilPortal.Domain.Exchanges;
using CilPortal.Infrastructure.Exchanges;

/// <summary>
/// The exchange-matching targets measured phase by phase with a stopwatch (BenchmarkDotNet is slow on a shared machine):
/// <c>dotnet run -c Release --project tests/CilPortal.Benchmarks -- exchange [all|graph|solve] [listings] [solver seconds]</c>.
/// </summary>
public static class ExchangeMeasure
{
    private const int Seed = 20261128;

    public static void Run(string[] args)
    {
        var part = args.Length > 1 ? args[1] : "all";
        var listings = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50_000;
        var solverSeconds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 60;
        Console.WriteLine($"{Environment.ProcessorCount} logical cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");

        // Warm-up (JIT) on a small instance.
        var warm = SyntheticExchangeListings.Generate(2_000, Seed, 12);
        var warmGraph = CompatibilityGraph.Build(warm);
        _ = warmGraph.AllCycles();
        _ = warmGraph.CyclesOf(1);
        _ = ExchangePlanner.Propose(warmGraph.AllCycles(), _ => true);

        if (part is "profile")
        {
            // For perf: « DOTNET_EnableWriteXorExecute=0 DOTNET_PerfMapEnabled=1 perf record -F 299 dotnet … exchange profile 50000 12 »
            // (the third argument is then the number of acceptable dwellings).
            var profiled = SyntheticExchangeListings.Generate(listings, Seed, solverSeconds);
            Console.WriteLine("generated");
            var sw = Stopwatch.StartNew();
            for (var round = 0; round < 30; round++)
            {
                _ = CompatibilityGraph.Build(profiled).AllCycles();
            }

            Console.WriteLine($"30 rounds of graph + all cycles in {sw.ElapsedMilliseconds} ms");
            return;
        }

        if (part is "all" or "graph")
        {
            foreach (var degree in new[] { 12, 50 })
            {
                Graph(listings, degree);
            }
        }

        if (part is "all" or "solve")
        {
            foreach (var (size, degree) in Instances(args))
            {
                Solver(size, degree, solverSeconds);
            }
        }

        Console.WriteLine($"process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} MB");
    }

    private static void Graph(int listings, int degree)
    {
        var sw = Stopwatch.StartNew();
        var candidates = SyntheticExchangeListings.Generate(listings, Seed, degree);
        Console.WriteLine($"## {listings:N0} listings, ~{degree} acceptable dwellings each (generated in {sw.ElapsedMilliseconds} ms)");
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(true);
        CompatibilityGraph graph = null!;
        ExchangeCycleSet cycles = null!;
        const int Rounds = 7;
        var wall = new (double Graph, double Cycles)[Rounds];
        var cpu = new (double Graph, double Cycles)[Rounds];
        var allocated = 0L;
        for (var round = 0; round < Rounds; round++)
        {
            graph = null!;
            cycles = null!;
            GC.Collect();
            var allocatedBefore = GC.GetTotalAllocatedBytes(true);
            var cpu0 = ThreadCpu();
            sw.Restart();
            graph = CompatibilityGraph.Build(candidates);
            var build = sw.Elapsed.TotalMilliseconds;
            var cpu1 = ThreadCpu();
            cycles = graph.AllCycles();
            var total = sw.Elapsed.TotalMilliseconds;
            var cpu2 = ThreadCpu();
            allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
            wall[round] = (build, total - build);
            cpu[round] = (cpu1 - cpu0, cpu2 - cpu1);
        }

        Console.WriteLine(
            $"graph + all cycles over {Rounds} rounds: wall min {wall.Min(w => w.Graph + w.Cycles):0} ms (graph {wall.Min(w => w.Graph):0} + cycles {wall.Min(w => w.Cycles):0}), median {Median(wall.Select(w => w.Graph + w.Cycles)):0} ms; "
            + $"thread CPU min {cpu.Min(c => c.Graph + c.Cycles):0} ms (graph {cpu.Min(c => c.Graph):0} + cycles {cpu.Min(c => c.Cycles):0}), median {Median(cpu.Select(c => c.Graph + c.Cycles)):0} ms; allocated {allocated / 1e6:0} MB per round");
        var retained = GC.GetTotalMemory(true) - heapBefore;
        var outDegrees = Enumerable.Range(0, graph.Count).Select(i => graph.Successors(i).Length).ToArray();
        var inDegrees = Enumerable.Range(0, graph.Count).Select(i => graph.Predecessors(i).Length).ToArray();
        Array.Sort(outDegrees);
        Array.Sort(inDegrees);
        Console.WriteLine(
            $"edges {graph.EdgeCount:N0} (out-degree mean {graph.EdgeCount / (double)graph.Count:0.0}, median {outDegrees[^(graph.Count / 2)]}, max {outDegrees[^1]}; in-degree max {inDegrees[^1]}, none {inDegrees.Count(d => d == 0):N0}); "
            + $"cycles {cycles.Count:N0} ({cycles.TwoWayCount:N0} swaps, {cycles.ThreeWayCount:N0} chains); arrays {(graph.ArrayBytes + cycles.ArrayBytes) / 1e6:0} MB, retained heap {retained / 1e6:0} MB");

        // One listing's cycles: 1,000 listings picked at random.
        var random = new Random(Seed);
        var times = new double[1000];
        var found = 0L;
        var cpuStart = Cpu();
        for (var k = 0; k < times.Length; k++)
        {
            var id = candidates[random.Next(candidates.Count)].ListingId;
            sw.Restart();
            found += graph.CyclesOf(id).Count;
            times[k] = sw.Elapsed.TotalMilliseconds;
        }

        var cpuMean = (Cpu() - cpuStart).TotalMilliseconds / times.Length;
        Array.Sort(times);
        Console.WriteLine($"one listing's cycles (1,000 at random): wall mean {times.Average():0.000} ms, median {times[500]:0.000} ms, p99 {times[990]:0.000} ms, max {times[^1]:0.000} ms; CPU mean {cpuMean:0.000} ms ({found / 1000.0:0.0} cycles per listing)");
        var busiest = Enumerable.Range(0, graph.Count).OrderByDescending(i => graph.Successors(i).Length * (long)graph.Predecessors(i).Length).First();
        sw.Restart();
        cpuStart = Cpu();
        var busiestCycles = graph.CyclesOf(graph.Candidates[busiest].ListingId).Count;
        Console.WriteLine($"busiest listing ({graph.Successors(busiest).Length} out, {graph.Predecessors(busiest).Length} in): {busiestCycles} cycles in wall {sw.Elapsed.TotalMilliseconds:0.000} ms, CPU {(Cpu() - cpuStart).TotalMilliseconds:0.000} ms");
        sw.Restart();
        cpuStart = Cpu();
        var busiestBest = graph.CyclesOf(graph.Candidates[busiest].ListingId, 20).Count;
        Console.WriteLine($"busiest listing's 20 best (« Compatibles avec moi »): {busiestBest} cycles in wall {sw.Elapsed.TotalMilliseconds:0.000} ms, CPU {(Cpu() - cpuStart).TotalMilliseconds:0.000} ms");

        cpuStart = Cpu();
        var greedy = ExchangePlanner.Propose(cycles, OptedIn, improve: false);
        var greedyTime = (Cpu() - cpuStart).TotalMilliseconds;
        cpuStart = Cpu();
        var improved = ExchangePlanner.Propose(cycles, OptedIn);
        Console.WriteLine(
            $"proposal (90 % opted in, {improved.EligibleCycles:N0} eligible cycles): greedy {greedy.TotalScore:N0} in CPU {greedyTime:0} ms; "
            + $"with local search {improved.TotalScore:N0} ({improved.Improvements} moves) in CPU {(Cpu() - cpuStart).TotalMilliseconds:0} ms; {improved.Households:N0} households in {improved.Cycles.Count:N0} cycles");
        Console.WriteLine($"peak working set so far {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} MB");
        Console.WriteLine();
    }

    private static void Solver(int listings, int degree, int seconds)
    {
        var candidates = SyntheticExchangeListings.Generate(listings, Seed, degree);
        var graph = CompatibilityGraph.Build(candidates);
        var cycles = graph.AllCycles();
        var sw = Stopwatch.StartNew();
        var cpu = ThreadCpu();
        var proposal = ExchangePlanner.Propose(cycles, OptedIn);
        var planner = ThreadCpu() - cpu;
        Console.WriteLine($"planner {listings:N0} listings ~{degree}: {cycles.Count:N0} cycles, greedy {proposal.GreedyScore:N0}, with local search {proposal.TotalScore:N0} ({proposal.Improvements} moves) in CPU {planner:0} ms");
        if (seconds == 0)
        {
            return;
        }

        var eligible = cycles.At(ExchangePlanner.EligibleCycles(cycles, OptedIn));
        var workerCounts = (Environment.GetEnvironmentVariable("CPSAT_WORKERS") ?? "1,2").Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture));
        foreach (var workers in workerCounts)
        {
            sw.Restart();
            var result = ExchangeCpSatSolver.Solve(eligible, proposal.Cycles, new(TimeSpan.FromSeconds(seconds), workers, ExtraParameters: Environment.GetEnvironmentVariable("CPSAT_PARAMETERS")));
            Console.WriteLine(
                $"CP-SAT {listings:N0} listings ~{degree}, {eligible.Count:N0} eligible cycles, {workers} worker(s), limit {seconds} s: {result.Status}, objective {result.Objective:N0}, bound {result.BestBound:N0}, gap {result.Gap:P2}, "
                + $"solve {result.WallTime.TotalSeconds:0.0} s (with model {sw.Elapsed.TotalSeconds:0.0} s); greedy {proposal.GreedyScore:N0} = {proposal.GreedyScore / (double)result.Objective:P2} of it, "
                + $"greedy + local search {proposal.TotalScore:N0} = {proposal.TotalScore / (double)result.Objective:P2} (planner {planner:0} ms)");
        }
    }

    /// <summary>The solver instances: « 5000x50 20000x12 » after the seconds, else the default list.</summary>
    private static IEnumerable<(int Size, int Degree)> Instances(string[] args) =>
        args.Length > 4
            ? args[4..].Select(a => a.Split('x')).Select(p => (int.Parse(p[0], CultureInfo.InvariantCulture), int.Parse(p[1], CultureInfo.InvariantCulture)))
            : [(5_000, 12), (5_000, 50), (50_000, 12), (20_000, 50), (50_000, 50)];

    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    /// <summary>The CPU time of the calling thread in ms (Linux: CLOCK_THREAD_CPUTIME_ID), else the process's.</summary>
    private static double ThreadCpu()
    {
        if (OperatingSystem.IsLinux() && NativeMethods.clock_gettime(3, out var time) == 0)
        {
            return (time.Seconds * 1e3) + (time.Nanoseconds / 1e6);
        }

        return Cpu().TotalMilliseconds;
    }

    /// <summary>Nine listings in ten take part in the global proposal.</summary>
    private static bool OptedIn(ExchangeCandidate candidate) => candidate.ListingId % 10 != 0;
}

internal static class NativeMethods
{
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    internal static extern int clock_gettime(int clock, out TimeSpec time);

    internal readonly record struct TimeSpec(long Seconds, long Nanoseconds);
}
