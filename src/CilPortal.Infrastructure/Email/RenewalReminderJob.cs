using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Jobs;
using CilPortal.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CilPortal.Infrastructure.Email;

/// <summary>Settings of the <c>Jobs</c> and <c>Portal</c> sections used by the scheduled jobs.</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    public bool Enabled { get; set; } = true;

    public int RenewalReminderEveryMinutes { get; set; } = 360;

    /// <summary>How often the cotation is checked and recomputed when stale (new day, new grid in force).</summary>
    public int ScoreCheckEveryMinutes { get; set; } = 60;

    /// <summary>Public address of the portal, for links in e-mails.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5080";

    public string EpciName { get; set; } = "Le Grand Narbonne";
}

/// <summary>
/// Writes a renewal reminder into the outbox for every active demand whose anniversary is within a
/// month, once per expiry date; the reminder and the mark that it was written are saved together, <see cref="BatchSize"/>
/// demands per transaction with a pause between two (<see cref="JobBatches"/>). A territory's first run writes thousands:
/// 8,352 on the benchmark territory, which held SQLite's write lock 2 s in one transaction.
/// </summary>
public sealed class RenewalReminderJob(CilPortalDbContext db, Outbox outbox, JobOptions options, ILogger<RenewalReminderJob> logger)
{
    /// <summary>Reminders saved in one transaction.</summary>
    public const int BatchSize = 500;

    public async Task<int> RunAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var limit = today.AddMonths(DemandLifecycle.RenewalNoticeMonths);
        var candidates = await db.Demands.AsNoTracking()
            .ActiveOn(today)
            .Where(d => d.ExpiresOn <= limit && (d.PortalEmail != null || d.ContactEmail != null)
                && (d.RenewalReminderSentFor == null || d.RenewalReminderSentFor != d.ExpiresOn))
            .ToListAsync(cancellationToken);
        var due = candidates.Where(d => DemandLifecycle.IsRenewalReminderDue(d, today)).ToList();
        await JobBatches.ForEachBatchAsync(due, BatchSize, async batch =>
        {
            // Only this batch tracked: each save otherwise scans every demand and reminder of the batches before.
            db.ChangeTracker.Clear();
            db.Demands.AttachRange(batch);
            foreach (var demand in batch)
            {
                outbox.Enqueue(EmailTemplates.RenewalReminder(demand.NoticeEmail!, demand.Nur, demand.ExpiresOn, options.PublicUrl.TrimEnd('/'), options.EpciName));
                demand.RenewalReminderSentFor = demand.ExpiresOn;
            }

            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);

        if (due.Count > 0)
        {
            logger.LogInformation("{Count} rappel(s) de renouvellement mis dans la boîte d'envoi.", due.Count);
        }

        return due.Count;
    }
}

/// <summary>
/// Runs the scheduled jobs (renewal reminders, retention of struck-off demands, purge of the audit log and of the expired
/// anti-robot challenges, appointment reminders, the exchange matching once a day) at start-up and then at their interval.
/// Each job runs only in the instance that holds its lease (<see cref="JobLeases"/>), so that several instances on one
/// database run each turn once.
/// </summary>
public sealed class ScheduledJobs(IServiceScopeFactory scopes, JobOptions options, JobLeases leases, TimeProvider clock, ILogger<ScheduledJobs> logger) : BackgroundService
{
    private static readonly string[] Jobs = [JobNames.RenewalReminders, JobNames.StruckOffDemandPurge, JobNames.AuditPurge, JobNames.CaptchaPurge, JobNames.ExchangeMatching, JobNames.AppointmentReminders];

    private TimeSpan Interval => TimeSpan.FromMinutes(options.RenewalReminderEveryMinutes);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        !options.Enabled
            ? Task.CompletedTask
            : PeriodicWork.RunAsync(
                async cancellationToken =>
                {
                    var paris = new ParisClock(clock);
                    var today = paris.Today;
                    await RunLoggedAsync<RenewalReminderJob>(JobNames.RenewalReminders, job => job.RunAsync(today, cancellationToken), "Le rappel des renouvellements", cancellationToken);
                    await RunLoggedAsync<CilPortal.Infrastructure.Audit.StruckOffDemandPurgeJob>(JobNames.StruckOffDemandPurge, job => job.RunAsync(today, cancellationToken), "L'effacement des données des demandes radiées", cancellationToken);
                    await RunLoggedAsync<CilPortal.Infrastructure.Audit.AuditPurgeJob>(JobNames.AuditPurge, job => job.RunAsync(cancellationToken), "La purge du journal", cancellationToken);
                    await RunLoggedAsync<CilPortal.Infrastructure.Captcha.CaptchaReplayStore>(JobNames.CaptchaPurge, store => store.PurgeExpiredAsync(cancellationToken), "La purge des vérifications anti-robot", cancellationToken);
                    var parisMidnight = TimeZoneInfo.ConvertTimeToUtc(today.ToDateTime(TimeOnly.MinValue), ParisClock.Paris);
                    await RunLoggedAsync<CilPortal.Infrastructure.Exchanges.ExchangeMatchingJob>(JobNames.ExchangeMatching, job => job.RunIfDueAsync(parisMidnight, cancellationToken), "L'appariement des échanges de logements", cancellationToken);
                    await RunLoggedAsync<CilPortal.Infrastructure.Reception.AppointmentReminderJob>(JobNames.AppointmentReminders, job => job.RunAsync(today, paris.Now, cancellationToken), "Le rappel des rendez-vous", cancellationToken);
                },
                Interval,
                clock,
                e => logger.LogError(e, "Les tâches planifiées ont échoué ; nouvel essai au prochain passage."),
                stoppingToken);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (options.Enabled)
        {
            await leases.ReleaseQuietlyAsync(logger, cancellationToken, Jobs);
        }
    }

    /// <summary>Runs one job in its own scope if this instance holds its lease; a failure is logged so that the next jobs still run.</summary>
    private async Task RunLoggedAsync<TJob>(string name, Func<TJob, Task> run, string what, CancellationToken cancellationToken)
        where TJob : notnull
    {
        try
        {
            await leases.RunIfHolderAsync(name, Interval, async _ =>
            {
                using var scope = scopes.CreateScope();
                await run(scope.ServiceProvider.GetRequiredService<TJob>());
            }, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "{What} a échoué ; nouvel essai au prochain passage.", what);
        }
    }
}
