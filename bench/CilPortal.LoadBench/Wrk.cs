using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CilPortal.LoadBench;

/// <summary>What wrk measured on one route, with the server's resident memory sampled during the run.</summary>
public sealed record RouteResult(
    BenchRoute Route,
    double RequestsPerSecond,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double MaxMs,
    long Requests,
    long Errors,
    double MaxRssMb,
    double StealPercent);

/// <summary>
/// A route's run with the static file's req/s measured just before and just after it (the baseline it is reported
/// against), and its warm-up: bursts of load, each followed by a pause until the server was idle.
/// </summary>
public sealed record RouteMeasurement(RouteResult Run, double BaselineBefore, double BaselineAfter, int WarmUpRounds, TimeSpan LastWarmUpTail)
{
    public double Baseline => (BaselineBefore + BaselineAfter) / 2;

    public double Ratio => Baseline > 0 ? Run.RequestsPerSecond / Baseline : 0;
}

/// <summary>wrk (Debian package <c>wrk</c>), pinned to its own core, with a Lua script per route that reports in JSON.</summary>
public sealed class Wrk(string path)
{
    public static Wrk Locate()
    {
        foreach (var candidate in new[] { Environment.GetEnvironmentVariable("WRK_PATH"), "/usr/bin/wrk", "/usr/local/bin/wrk" })
        {
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate))
            {
                return new Wrk(candidate);
            }
        }

        throw new InvalidOperationException("wrk introuvable : sudo apt-get install -y wrk (ou WRK_PATH=/chemin/vers/wrk).");
    }

    public async Task<RouteResult> RunAsync(PortalServer server, BenchRoute route, BenchOptions options, TimeSpan duration)
    {
        var script = Path.Combine(options.Output, "tmp", "route.lua");
        await File.WriteAllTextAsync(script, Script(route));
        var start = new ProcessStartInfo("taskset",
        [
            "-c", options.LoadCore.ToString(CultureInfo.InvariantCulture), path,
            "-t1", $"-c{options.Connections}", $"-d{(int)duration.TotalSeconds}s", "--timeout", "10s", "-s", script,
            new Uri(server.BaseAddress, route.Path.TrimStart('/')).ToString(),
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var cpuBefore = CpuTimes();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk n'a pas démarré.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        var maxRss = 0.0;
        while (!process.HasExited)
        {
            maxRss = Math.Max(maxRss, server.RssMb());
            await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(250));
        }

        var cpuAfter = CpuTimes();
        var steal = cpuAfter.Total > cpuBefore.Total ? 100.0 * (cpuAfter.Steal - cpuBefore.Steal) / (cpuAfter.Total - cpuBefore.Total) : 0;
        var text = await output;
        var json = text.Split('\n').LastOrDefault(l => l.StartsWith("{\"requests\"", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk sans résultat pour {route.Name} : {text} {await errors}");
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        double Ms(string name) => root.GetProperty(name).GetDouble() / 1000;
        var requests = root.GetProperty("requests").GetInt64();
        var seconds = root.GetProperty("duration_us").GetDouble() / 1_000_000;
        var failed = root.GetProperty("status").GetInt64() + root.GetProperty("connect").GetInt64() + root.GetProperty("read").GetInt64()
            + root.GetProperty("write").GetInt64() + root.GetProperty("timeout").GetInt64();
        return new RouteResult(route, requests / seconds, Ms("p50"), Ms("p90"), Ms("p99"), Ms("max"), requests, failed, maxRss, steal);
    }

    /// <summary>The machine's CPU time and the part of it taken by the hypervisor for other guests (steal), from /proc/stat.</summary>
    private static (long Total, long Steal) CpuTimes()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return (fields.Take(8).Sum(), fields.Length > 7 ? fields[7] : 0);
    }

    /// <summary>The request of the route, and a done() that prints the counts and percentiles (µs) as one JSON line.</summary>
    private static string Script(BenchRoute route)
    {
        var lua = new StringBuilder();
        lua.AppendLine(CultureInfo.InvariantCulture, $"wrk.method = \"{route.Method}\"");
        if (route.Body is not null)
        {
            lua.AppendLine(CultureInfo.InvariantCulture, $"wrk.body = \"{Escape(route.Body)}\"");
            lua.AppendLine("wrk.headers[\"Content-Type\"] = \"application/x-www-form-urlencoded\"");
        }

        if (route.Cookie is not null)
        {
            lua.AppendLine(CultureInfo.InvariantCulture, $"wrk.headers[\"Cookie\"] = \"{Escape(route.Cookie)}\"");
        }

        lua.AppendLine("wrk.headers[\"Accept-Encoding\"] = \"identity\"");
        lua.AppendLine("""
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format('{"requests":%d,"duration_us":%d,"status":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,"p50":%d,"p90":%d,"p99":%d,"max":%d}\n',
                summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
                latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
            end
            """);
        return lua.ToString();
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
