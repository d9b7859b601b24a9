using System.Globalization;

namespace CilPortal.LoadBench;

/// <summary>Command-line settings of the load benchmark.</summary>
public sealed record BenchOptions(
    string Root,
    string Database,
    int Seconds,
    int WarmupSeconds,
    int BaselineSeconds,
    int Connections,
    int SoakMinutes,
    string Output,
    int Port,
    int ServerCore,
    int LoadCore,
    string Password,
    IReadOnlyList<string> Routes,
    bool Survey)
{
    public static BenchOptions Parse(string[] args)
    {
        var root = FindRoot();
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        int Number(string name, int fallback) => int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        return new(
            root,
            Path.GetFullPath(Value("--db", Path.Combine(root, "bench", "data", "metropole.db"))),
            Number("--seconds", 30),
            Number("--warmup-seconds", 10),
            Number("--baseline-seconds", 10),
            Number("--connections", 32),
            Number("--soak-minutes", 0),
            Path.GetFullPath(Value("--out", Path.Combine(root, "bench", "results"))),
            Number("--port", 5091),
            Number("--server-core", 0),
            Number("--load-core", 1),
            Environment.GetEnvironmentVariable("BENCH_PASSWORD") ?? "Bench-CilPortal-2026",
            Value("--routes", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            args.Contains("--survey"));
    }

    /// <summary>
    /// Whether a route is measured: all of them without <c>--routes</c>; with it, those whose path starts with one of its
    /// comma-separated values (<c>--routes /echanges/annonces,/ma-demande</c>), and always the static file, the baseline.
    /// </summary>
    public bool Measures(BenchRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return Routes.Count == 0 || route.Kind == RouteKind.StaticBaseline || Routes.Any(r => route.Path.StartsWith(r, StringComparison.Ordinal));
    }

    /// <summary>The repository root: the folder holding CilPortal.sln, from the current directory up.</summary>
    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CilPortal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Lancez le banc depuis le dépôt (CilPortal.sln introuvable).");
    }
}
