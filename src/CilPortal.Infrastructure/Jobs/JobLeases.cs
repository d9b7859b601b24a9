using CilPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CilPortal.Infrastructure.Jobs;

/// <summary>
/// Who runs a background job, until when (table <c>JobLeases</c>, one row per job). Several instances of the portal
/// share one database: only the holder of a job's lease runs it, so each run happens once among them.
/// </summary>
public class JobLease
{
    public string Name { get; set; } = "";

    /// <summary>The instance that holds the lease (<see cref="JobLeases.InstanceId"/>).</summary>
    public string Holder { get; set; } = "";

    /// <summary>UTC. After it, any instance may take the lease.</summary>
    public DateTime ExpiresAt { get; set; }
}

/// <summary>The names of the jobs that take a lease.</summary>
public static class JobNames
{
    public const string Outbox = "outbox";
    public const string RenewalReminders = "rappels-renouvellement";
    public const string StruckOffDemandPurge = "effacement-demandes-radiees";
    public const string AuditPurge = "purge-journal";
    public const string AppointmentReminders = "rappels-rendez-vous";
    public const string CaptchaPurge = "purge-anti-robot";
    public const string ExchangeMatching = "appariement-echanges";
    public const string ScoreRecomputation = "recalcul-cotation";

    /// <summary>The start-up work after the migrations (reference data, roles, example grid, demo, classification, scores).</summary>
    public const string Startup = "demarrage";
}

/// <summary>
/// Takes and renews job leases with one conditional UPDATE (the row changes only if this instance holds it or it has
/// expired), which SQLite and SQL Server both run atomically; the first lease of a job is an INSERT whose primary key
/// lets only one instance win. A lease is held for longer than the job's interval and renewed at each turn, so one
/// instance keeps a job while it lives and another takes it over once the lease expires.
/// </summary>
public sealed class JobLeases(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>This instance of the portal (host, process and a random part: two hosts in one process differ).</summary>
    public string InstanceId { get; } = NewInstanceId();

    /// <summary>Takes or renews the lease of <paramref name="job"/> for <paramref name="duration"/>; false when another instance holds it.</summary>
    public async Task<bool> TryAcquireAsync(string job, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(job);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + duration;
        var holder = InstanceId;
        var taken = await db.JobLeases
            .Where(l => l.Name == job && (l.Holder == holder || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        if (await db.JobLeases.AnyAsync(l => l.Name == job, cancellationToken))
        {
            return false;
        }

        db.JobLeases.Add(new JobLease { Name = job, Holder = holder, ExpiresAt = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another instance wrote the first lease of this job at the same moment.
            return false;
        }
    }

    /// <summary>
    /// Gives the lease back (when the host stops, or a one-off work is done), so that another instance need not wait for
    /// it to expire: its expiry goes to the smallest date, free whatever the clocks of the instances say.
    /// </summary>
    public async Task ReleaseAsync(string job, CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var holder = InstanceId;
        var free = DateTime.MinValue;
        await db.JobLeases.Where(l => l.Name == job && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, free), cancellationToken);
    }

    /// <summary>
    /// Takes the lease of <paramref name="job"/>, waiting while another instance holds it (it works, then gives it back,
    /// or dies and the lease expires after <paramref name="duration"/>).
    /// </summary>
    public async Task AcquireWaitingAsync(string job, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        while (!await TryAcquireAsync(job, duration, cancellationToken))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }

    /// <summary>Runs <paramref name="work"/> if this instance holds (or now takes) the lease of <paramref name="job"/>; true when it ran.</summary>
    public async Task<bool> RunIfHolderAsync(string job, TimeSpan interval, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!await TryAcquireAsync(job, For(interval), cancellationToken))
        {
            return false;
        }

        await work(cancellationToken);
        return true;
    }

    /// <summary>Gives back the leases of a stopping host; a database already gone is not an error then.</summary>
    public async Task ReleaseQuietlyAsync(ILogger logger, CancellationToken cancellationToken, params string[] jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        foreach (var job in jobs)
        {
            try
            {
                await ReleaseAsync(job, cancellationToken);
            }
#pragma warning disable CA1031 // Stopping: whatever goes wrong, the lease expires by itself.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogDebug(e, "Le bail de la tâche {Job} n'a pas pu être rendu ; il expirera.", job);
            }
        }
    }

    private static string NewInstanceId()
    {
        var id = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        return id.Length <= 100 ? id : id[^100..];
    }

    /// <summary>How long a periodic job holds its lease: a turn and a half, at least a minute, so that the holder renews it in time.</summary>
    public static TimeSpan For(TimeSpan interval) => TimeSpan.FromTicks(Math.Max(TimeSpan.FromMinutes(1).Ticks, interval.Ticks * 3 / 2));
}
