using System.Globalization;
using CilPortal.LoadBench;

// The load benchmark of issue #11: the portal in Production on the benchmark territory, driven by wrk route after route,
// each reported against a static file served by the same process in the same run.
//   dotnet run -c Release --project bench/CilPortal.LoadBench -- [--db bench/data/metropole.db] [--seconds 30] [--warmup-seconds 10]
//       [--baseline-seconds 10] [--connections 32] [--soak-minutes 10] [--out bench/results] [--routes /ma-demande,/echanges/annonces]
//   … -- --survey: every page each demo account reaches by its links, timed one by one (bench/results/survey.md).
var options = BenchOptions.Parse(args);
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (!File.Exists(options.Database))
{
    Console.Error.WriteLine($"Base introuvable : {options.Database}. Créez-la d'abord : bash bench/generate");
    return 2;
}

if (options.Survey)
{
    await using var surveyed = await PortalServer.StartAsync(options);
    Console.WriteLine($"Portail démarré (pid {surveyed.ProcessId}) sur {surveyed.BaseAddress}, base {options.Database} : relevé des pages");
    await Survey.RunAsync(surveyed, options);
    return 0;
}

var wrk = Wrk.Locate();
await using var server = await PortalServer.StartAsync(options);
Console.WriteLine($"Portail démarré (pid {server.ProcessId}, cœur {options.ServerCore}) sur {server.BaseAddress}, base {options.Database}");
var routes = (await RouteCatalogue.PrepareAsync(server.BaseAddress, options)).Where(options.Measures).ToList();
var results = new List<RouteMeasurement>();
RouteResult? staticRun = null;
foreach (var prepared in routes)
{
    Console.Write($"{prepared.Name,-34}");
    var warmUp = options.WarmupSeconds > 0 ? await WarmUpAsync(prepared) : (Rounds: 0, Tail: TimeSpan.Zero);

    // Signed in again after the warm-up: a session cookie older than a minute is checked against its account at every
    // request, which a browser, keeping the refreshed cookie, does not cause (see BenchRoute.Account).
    var route = await prepared.SignedInAsync(server.BaseAddress, options.Password);
    await route.VerifyAsync(server.BaseAddress);
    if (staticRun is null)
    {
        staticRun = await wrk.RunAsync(server, route, options, TimeSpan.FromSeconds(options.Seconds));
        results.Add(new RouteMeasurement(staticRun, staticRun.RequestsPerSecond, staticRun.RequestsPerSecond, warmUp.Rounds, warmUp.Tail));
        Console.WriteLine($"{staticRun.RequestsPerSecond,10:0} req/s  p50 {staticRun.P50Ms,7:0.00} ms  p99 {staticRun.P99Ms,7:0.00} ms");
        continue;
    }

    // The machine's speed drifts during a run (a virtual machine's neighbours): the static file is measured again just
    // before and just after each route, and the route reported against the mean of the two.
    // (--baseline-seconds 0: against the static file's first run only, as before this was measured.)
    async Task<double> StaticNowAsync() => options.BaselineSeconds > 0
        ? (await wrk.RunAsync(server, staticRun.Route, options, TimeSpan.FromSeconds(options.BaselineSeconds))).RequestsPerSecond
        : staticRun.RequestsPerSecond;
    var before = await StaticNowAsync();
    var run = await wrk.RunAsync(server, route, options, TimeSpan.FromSeconds(options.Seconds));
    var after = await StaticNowAsync();
    var measured = new RouteMeasurement(run, before, after, warmUp.Rounds, warmUp.Tail);
    results.Add(measured);
    Console.WriteLine($"{run.RequestsPerSecond,10:0} req/s  {measured.Ratio,5:0.00} ×  p50 {run.P50Ms,7:0.00} ms  p99 {run.P99Ms,7:0.00} ms  RSS max {run.MaxRssMb,5:0} MB  (statique {before:0} puis {after:0}, {warmUp.Rounds} tours de chauffe){(run.Errors > 0 ? $"  ERREURS {run.Errors}" : "")}");
}

var soak = options.SoakMinutes > 0 ? await SoakResult.RunAsync(wrk, server, routes, options) : null;
var report = new Report(options, results, soak, server.PeakRssMb());
await report.WriteAsync();
Console.WriteLine($"Résultats : {Path.Combine(options.Output, "load.md")} et load.json");
return results.Any(r => r.Run.Errors > 0) ? 1 : 0;

// Not counted: the route's code before the JIT has optimised it, and its caches filling. On a saturated core the JIT's
// background compilation of the hot methods waits, and a first minute of load can run at a third of the route's speed:
// the warm-up is made of bursts of load, each followed by a pause until the server is idle again (the JIT done with what
// the burst made hot), until a burst leaves at most a second of such work behind.
async Task<(int Rounds, TimeSpan Tail)> WarmUpAsync(BenchRoute prepared)
{
    const int BurstSeconds = 5;
    const int MaxRounds = 8;
    var signedIn = await prepared.SignedInAsync(server.BaseAddress, options.Password);
    var rounds = 0;
    TimeSpan tail;
    do
    {
        await wrk.RunAsync(server, signedIn, options, TimeSpan.FromSeconds(BurstSeconds));
        rounds++;
        tail = await server.WaitIdleAsync(TimeSpan.FromSeconds(60));
    }
    while (rounds < MaxRounds && (rounds * BurstSeconds < options.WarmupSeconds || tail > TimeSpan.FromSeconds(1)));
    return (rounds, tail);
}
