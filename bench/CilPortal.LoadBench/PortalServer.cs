using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace CilPortal.LoadBench;

/// <summary>
/// The portal's Release build in Production mode on the benchmark database, pinned to one core with taskset, on plain HTTP
/// (non-secure cookie names), with the rate limits lifted (one address sends every request) and the scheduled jobs off.
/// Demo mode stays on only so that the demo staff account's sign-in code page shows its code to the driver.
/// </summary>
public sealed class PortalServer : IAsyncDisposable
{
    /// <summary>USER_HZ, the unit of the times in /proc/PID/stat: 100 on Linux whatever the kernel's own tick.</summary>
    private const double ClockTicksPerSecond = 100;

    private readonly Process process;

    private PortalServer(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => process.Id;

    public static async Task<PortalServer> StartAsync(BenchOptions options)
    {
        var web = Path.Combine(options.Root, "src", "CilPortal.Web");
        var dll = Path.Combine(web, "bin", "Release", "net10.0", "CilPortal.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} introuvable : dotnet build -c Release src/CilPortal.Web (bench/load le fait).");
        }

        var logs = Path.Combine(options.Output, "tmp");
        Directory.CreateDirectory(logs);
        var start = new ProcessStartInfo("taskset", ["-c", options.ServerCore.ToString(CultureInfo.InvariantCulture), "dotnet", dll])
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var address = new Uri($"http://127.0.0.1:{options.Port}/");
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/'),
            ["ConnectionStrings__CilPortal"] = $"Data Source={options.Database};Default Timeout=30",
            ["Demo__Enabled"] = "true",
            ["Demo__Size"] = "Metropolis",
            ["Demo__AccountPassword"] = options.Password,
            ["Captcha__HmacKey"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
            ["AccessCodes__HmacKey"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
            ["Security__SecureCookies"] = "false",
            ["Jobs__Enabled"] = "false",
            ["RateLimits__PublicFormPostsPerIpPer10Minutes"] = "100000000",
            ["RateLimits__SignInPostsPerIpPer10Minutes"] = "100000000",
            ["RateLimits__SignInPostsPerAccountPer10Minutes"] = "100000000",
            ["RateLimits__AccountFormPostsPerAccountPer10Minutes"] = "100000000",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Le portail n'a pas démarré.");
        var log = new StreamWriter(Path.Combine(logs, "server.log")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PortalServer(process, address);
        await server.WaitHealthyAsync(logs);
        return server;
    }

    private async Task WaitHealthyAsync(string logs)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Le portail s'est arrêté (code {process.ExitCode}) : voir {Path.Combine(logs, "server.log")}.");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("Le portail n'a pas répondu sur /health en 10 minutes.");
    }

    /// <summary>The CPU time the server has used since it started (user and system, /proc/PID/stat), in seconds.</summary>
    public double CpuSeconds()
    {
        try
        {
            // The command name (field 2) is in parentheses and may hold spaces: the fields counted after its end.
            var stat = File.ReadAllText($"/proc/{process.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / ClockTicksPerSecond;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>
    /// Waits until the server no longer works without load (less than 5 % of a core over half a second), at most
    /// <paramref name="limit"/>; returns how long it worked. After a burst of requests this is mostly the JIT compiling,
    /// in the background, the optimised code of the methods the burst made hot, work that a saturated core postpones.
    /// </summary>
    public async Task<TimeSpan> WaitIdleAsync(TimeSpan limit)
    {
        var window = TimeSpan.FromMilliseconds(500);
        var started = Stopwatch.StartNew();
        while (started.Elapsed < limit)
        {
            var before = CpuSeconds();
            await Task.Delay(window);
            if (CpuSeconds() - before < 0.05 * window.TotalSeconds)
            {
                return started.Elapsed - window;
            }
        }

        return started.Elapsed;
    }

    /// <summary>Resident memory (VmRSS) of the server now, in MB.</summary>
    public double RssMb() => Status("VmRSS:");

    /// <summary>The largest resident memory of the server since it started (VmHWM), in MB.</summary>
    public double PeakRssMb() => Status("VmHWM:");

    private double Status(string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : double.Parse(line[field.Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
