using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CilPortal.LoadBench;

/// <summary>The results as bench/results/load.md (a table with the targets) and load.json.</summary>
public sealed class Report(BenchOptions options, IReadOnlyList<RouteMeasurement> results, SoakResult? soak, double peakRssMb)
{
    private const double MemoryTargetMb = 400;
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public async Task WriteAsync()
    {
        Directory.CreateDirectory(options.Output);
        var rows = results.Select(m => new
        {
            route = m.Run.Route.Name,
            method = m.Run.Route.Method,
            path = m.Run.Route.Path,
            kind = m.Run.Route.Kind.ToString(),
            requests_per_second = Math.Round(m.Run.RequestsPerSecond, 1),
            ratio_to_static = Math.Round(m.Ratio, 3),
            static_before_rps = Math.Round(m.BaselineBefore, 1),
            static_after_rps = Math.Round(m.BaselineAfter, 1),
            warmup_rounds = m.WarmUpRounds,
            last_warmup_tail_seconds = Math.Round(m.LastWarmUpTail.TotalSeconds, 1),
            p50_ms = Math.Round(m.Run.P50Ms, 2),
            p90_ms = Math.Round(m.Run.P90Ms, 2),
            p99_ms = Math.Round(m.Run.P99Ms, 2),
            max_ms = Math.Round(m.Run.MaxMs, 2),
            requests = m.Run.Requests,
            errors = m.Run.Errors,
            max_rss_mb = Math.Round(m.Run.MaxRssMb, 1),
            cpu_steal_percent = Math.Round(m.Run.StealPercent, 1),
            target_ratio = m.Run.Route.TargetRatio,
            target_p99_ms = m.Run.Route.TargetP99Ms,
            met = Met(m),
        }).ToList();
        var document = new
        {
            date = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            commit = Commit(),
            machine = Machine(),
            dotnet = Environment.Version.ToString(),
            database = Path.GetFileName(options.Database),
            database_mb = Math.Round(new FileInfo(options.Database).Length / 1048576.0),
            connections = options.Connections,
            seconds_per_route = options.Seconds,
            warmup_seconds_per_route = options.WarmupSeconds,
            static_seconds_around_each_route = options.BaselineSeconds,
            server_core = options.ServerCore,
            load_core = options.LoadCore,
            routes = rows,
            server_peak_rss_mb = Math.Round(peakRssMb, 1),
            memory_target_mb = MemoryTargetMb,
            soak = soak is null ? null : new { minutes = soak.RssMbByMinute.Count, rss_mb_by_minute = soak.RssMbByMinute.Select(v => Math.Round(v, 1)), growth_mb = Math.Round(soak.GrowthMb, 1), soak.Requests, soak.Errors },
        };
        await File.WriteAllTextAsync(Path.Combine(options.Output, "load.json"), JsonSerializer.Serialize(document, Indented) + "\n");

        var md = new StringBuilder();
        md.AppendLine("# Load benchmark — the portal on the benchmark territory");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{document.date}, commit `{document.commit}`, {document.machine}, .NET {document.dotnet}. Database `{document.database}` ({document.database_mb} MB, `bash bench/generate`).");
        md.AppendLine(CultureInfo.InvariantCulture, $"Server (Production, Release) pinned to core {options.ServerCore}, wrk to core {options.LoadCore}: 1 thread, {options.Connections} connections, {options.Seconds} s per route, one after the other in the same run.");
        md.AppendLine(CultureInfo.InvariantCulture, $"Warm-up, not counted: bursts of 5 s of load on the route, each followed by a pause until the server is idle (the JIT has compiled the methods the burst made hot: on a saturated core it waits), {options.WarmupSeconds} s of load at least, until a burst leaves at most a second of such work (8 bursts at most). Baseline: the static file measured {options.BaselineSeconds} s just before and just after each route (the machine's speed drifts during a run); « × static » is the route against the mean of the two.");
        md.AppendLine("Reproduce: `bash bench/generate && bash bench/load` (README « Performance »).");
        md.AppendLine();
        md.AppendLine("| Route | req/s | static around (req/s) | × static | p50 ms | p99 ms | max ms | errors | CPU steal | warm-up bursts | target | met |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var m in results)
        {
            var r = m.Run;
            var target = r.Route.Kind switch
            {
                RouteKind.StaticBaseline => "baseline",
                RouteKind.Dashboard => "p99 ≤ 200 ms",
                _ => $"≥ {r.Route.TargetRatio:0.0} ×, p99 ≤ {r.Route.TargetP99Ms:0} ms",
            };
            var met = Met(m) switch { true => "yes", false => "**no**", null => "—" };
            var around = r.Route.Kind == RouteKind.StaticBaseline ? "—" : $"{m.BaselineBefore:0}, {m.BaselineAfter:0}";
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Route.Name} (`{r.Route.Method} {r.Route.Path}`) | {r.RequestsPerSecond:0} | {around} | {m.Ratio:0.00} | {r.P50Ms:0.00} | {r.P99Ms:0.00} | {r.MaxMs:0} | {r.Errors} | {r.StealPercent:0} % | {m.WarmUpRounds} | {target} | {met} |");
        }

        md.AppendLine();
        md.AppendLine("CPU steal: the share of the machine's CPU time its hypervisor gave to other guests during the route's run (from `/proc/stat`); above a few per cent, compare ratios rather than absolute figures.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Server memory: peak resident set {peakRssMb:0} MB over the run (target ≤ {MemoryTargetMb:0} MB: {(peakRssMb <= MemoryTargetMb ? "met" : "**missed**")}).");
        if (soak is not null)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"Soak: {soak.RssMbByMinute.Count} minutes, the routes in turn ({soak.Requests:N0} requests, {soak.Errors} errors); resident set by minute: {string.Join(", ", soak.RssMbByMinute.Select(v => v.ToString("0", CultureInfo.InvariantCulture)))} MB; growth {soak.GrowthMb:+0;-0;0} MB.");
        }

        await File.WriteAllTextAsync(Path.Combine(options.Output, "load.md"), md.ToString());
    }

    private static bool? Met(RouteMeasurement m) => m.Run.Route.Kind switch
    {
        RouteKind.StaticBaseline => null,
        _ => (m.Run.Route.TargetRatio is not { } ratio || m.Ratio >= ratio)
            && (m.Run.Route.TargetP99Ms is not { } p99 || m.Run.P99Ms <= p99)
            && m.Run.Errors == 0
            && m.Run.Requests > 0,
    };

    private static string Machine()
    {
        var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        var memory = File.ReadLines("/proc/meminfo").First().Split(':', 2)[1].Replace("kB", "", StringComparison.Ordinal).Trim();
        return string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores ({model}), {double.Parse(memory, CultureInfo.InvariantCulture) / 1048576:0} GB");
    }

    /// <summary>The commit measured: the repository's HEAD (the benchmark runs from the repository's root).</summary>
    public static string Commit() => Git("rev-parse --short HEAD");

    private static string Git(string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, UseShellExecute = false });
            var text = git?.StandardOutput.ReadToEnd().Trim() ?? "";
            git?.WaitForExit();
            return text;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }
}
