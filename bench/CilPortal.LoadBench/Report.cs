using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CilPortal.LoadBench;

/// <summary>The results as bench/results/load.md (a table with the targets) and load.json.</summary>
public sealed class Report(BenchOptions options, IReadOnlyList<RouteResult> results, SoakResult? soak, double peakRssMb)
{
    private const double MemoryTargetMb = 400;
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public async Task WriteAsync()
    {
        Directory.CreateDirectory(options.Output);
        var baseline = results.First(r => r.Route.Kind == RouteKind.StaticBaseline).RequestsPerSecond;
        var rows = results.Select(r => new
        {
            route = r.Route.Name,
            method = r.Route.Method,
            path = r.Route.Path,
            kind = r.Route.Kind.ToString(),
            requests_per_second = Math.Round(r.RequestsPerSecond, 1),
            ratio_to_static = Math.Round(r.RequestsPerSecond / baseline, 3),
            p50_ms = Math.Round(r.P50Ms, 2),
            p90_ms = Math.Round(r.P90Ms, 2),
            p99_ms = Math.Round(r.P99Ms, 2),
            max_ms = Math.Round(r.MaxMs, 2),
            requests = r.Requests,
            errors = r.Errors,
            max_rss_mb = Math.Round(r.MaxRssMb, 1),
            cpu_steal_percent = Math.Round(r.StealPercent, 1),
            target_ratio = r.Route.TargetRatio,
            target_p99_ms = r.Route.TargetP99Ms,
            met = Met(r, baseline),
        }).ToList();
        var document = new
        {
            date = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            commit = Git("rev-parse --short HEAD"),
            machine = Machine(),
            dotnet = Environment.Version.ToString(),
            database = Path.GetFileName(options.Database),
            database_mb = Math.Round(new FileInfo(options.Database).Length / 1048576.0),
            connections = options.Connections,
            seconds_per_route = options.Seconds,
            warmup_seconds_per_route = options.WarmupSeconds,
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
        md.AppendLine(CultureInfo.InvariantCulture, $"Server (Production, Release) pinned to core {options.ServerCore}, wrk to core {options.LoadCore}: 1 thread, {options.Connections} connections, {options.Seconds} s per route after {options.WarmupSeconds} s of warm-up not counted, one after the other in the same run.");
        md.AppendLine("Reproduce: `bash bench/generate && bash bench/load` (README « Performance »).");
        md.AppendLine();
        md.AppendLine("| Route | req/s | × static | p50 ms | p99 ms | max ms | errors | CPU steal | target | met |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var r in results)
        {
            var target = r.Route.Kind switch
            {
                RouteKind.StaticBaseline => "baseline",
                RouteKind.Dashboard => "p99 ≤ 200 ms",
                _ => $"≥ {r.Route.TargetRatio:0.0} ×, p99 ≤ {r.Route.TargetP99Ms:0} ms",
            };
            var met = Met(r, baseline) switch { true => "yes", false => "**no**", null => "—" };
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Route.Name} (`{r.Route.Method} {r.Route.Path}`) | {r.RequestsPerSecond:0} | {r.RequestsPerSecond / baseline:0.00} | {r.P50Ms:0.00} | {r.P99Ms:0.00} | {r.MaxMs:0} | {r.Errors} | {r.StealPercent:0} % | {target} | {met} |");
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

    private static bool? Met(RouteResult r, double baseline) => r.Route.Kind switch
    {
        RouteKind.StaticBaseline => null,
        _ => (r.Route.TargetRatio is not { } ratio || r.RequestsPerSecond / baseline >= ratio)
            && (r.Route.TargetP99Ms is not { } p99 || r.P99Ms <= p99)
            && r.Errors == 0
            && r.Requests > 0,
    };

    private static string Machine()
    {
        var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        var memory = File.ReadLines("/proc/meminfo").First().Split(':', 2)[1].Replace("kB", "", StringComparison.Ordinal).Trim();
        return string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores ({model}), {double.Parse(memory, CultureInfo.InvariantCulture) / 1048576:0} GB");
    }

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
