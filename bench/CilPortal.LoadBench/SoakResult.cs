namespace CilPortal.LoadBench;

/// <summary>The soak: every route but the baseline in turn, one minute each, for the minutes asked; the server's resident
/// memory after each minute shows whether it grows.</summary>
public sealed record SoakResult(IReadOnlyList<double> RssMbByMinute, long Requests, long Errors)
{
    public double GrowthMb => RssMbByMinute.Count < 2 ? 0 : RssMbByMinute[^1] - RssMbByMinute[0];

    public static async Task<SoakResult> RunAsync(Wrk wrk, PortalServer server, IReadOnlyList<BenchRoute> routes, BenchOptions options)
    {
        var rotation = routes.Where(r => r.Kind != RouteKind.StaticBaseline).ToList();
        var rss = new List<double>();
        long requests = 0, errors = 0;
        Console.WriteLine($"Endurance : {options.SoakMinutes} min, les routes à tour de rôle");
        for (var minute = 0; minute < options.SoakMinutes; minute++)
        {
            var route = await rotation[minute % rotation.Count].SignedInAsync(server.BaseAddress, options.Password);
            var run = await wrk.RunAsync(server, route, options, TimeSpan.FromMinutes(1));
            requests += run.Requests;
            errors += run.Errors;
            rss.Add(server.RssMb());
            Console.WriteLine($"  minute {minute + 1,2} : {run.Route.Name,-34} {run.RequestsPerSecond,8:0} req/s, RSS {rss[^1],5:0} MB");
        }

        return new SoakResult(rss, requests, errors);
    }
}
