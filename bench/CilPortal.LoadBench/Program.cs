using System.Globalization;
using CilPortal.LoadBench;

// The load benchmark of issue #11: the portal in Production on the benchmark territory, driven by wrk route after route,
// each reported against a static file served by the same process in the same run.
//   dotnet run -c Release --project bench/CilPortal.LoadBench -- [--db bench/data/metropole.db] [--seconds 30] [--warmup-seconds 10]
//       [--connections 32] [--soak-minutes 10] [--out bench/results]
var options = BenchOptions.Parse(args);
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (!File.Exists(options.Database))
{
    Console.Error.WriteLine($"Base introuvable : {options.Database}. Créez-la d'abord : bash bench/generate");
    return 2;
}

var wrk = Wrk.Locate();
await using var server = await PortalServer.StartAsync(options);
Console.WriteLine($"Portail démarré (pid {server.ProcessId}, cœur {options.ServerCore}) sur {server.BaseAddress}, base {options.Database}");
var routes = await RouteCatalogue.PrepareAsync(server.BaseAddress, options);
var results = new List<RouteResult>();
foreach (var prepared in routes)
{
    Console.Write($"{prepared.Name,-34}");

    // Not counted: the route's first seconds run its code before the JIT has optimised it, and fill its caches.
    if (options.WarmupSeconds > 0)
    {
        await wrk.RunAsync(server, await prepared.SignedInAsync(server.BaseAddress, options.Password), options, TimeSpan.FromSeconds(options.WarmupSeconds));
    }

    // Signed in again after the warm-up: a session cookie older than a minute is checked against its account at every
    // request, which a browser, keeping the refreshed cookie, does not cause (see BenchRoute.Account).
    var route = await prepared.SignedInAsync(server.BaseAddress, options.Password);
    await route.VerifyAsync(server.BaseAddress);
    var run = await wrk.RunAsync(server, route, options, TimeSpan.FromSeconds(options.Seconds));
    results.Add(run);
    Console.WriteLine($"{run.RequestsPerSecond,10:0} req/s  p50 {run.P50Ms,7:0.00} ms  p99 {run.P99Ms,7:0.00} ms  RSS max {run.MaxRssMb,5:0} MB{(run.Errors > 0 ? $"  ERREURS {run.Errors}" : "")}");
}

var soak = options.SoakMinutes > 0 ? await SoakResult.RunAsync(wrk, server, routes, options) : null;
var report = new Report(options, results, soak, server.PeakRssMb());
await report.WriteAsync();
Console.WriteLine($"Résultats : {Path.Combine(options.Output, "load.md")} et load.json");
return results.Any(r => r.Errors > 0) ? 1 : 0;
