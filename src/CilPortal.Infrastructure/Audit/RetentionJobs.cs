using CilPortal.Domain.Allocations;
using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Allocations;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Jobs;
using CilPortal.Infrastructure.Reception;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CilPortal.Infrastructure.Audit;

/// <summary>Settings of the <c>Audit</c> section.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>Months the audit log (and the staff reads of demands) are kept.</summary>
    public int RetentionMonths { get; set; } = AuditRetention.DefaultMonths;
}

/// <summary>Settings of the <c>Retention</c> section.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Months after its radiation a demand keeps its personal data.</summary>
    public int StruckOffDemandMonths { get; set; } = PersonalDataRetention.DefaultMonths;
}

/// <summary>Deletes audit entries and staff reads of demands older than <see cref="AuditOptions.RetentionMonths"/>.</summary>
public sealed class AuditPurgeJob(CilPortalDbContext db, AuditLog audit, AuditOptions options, TimeProvider time, ILogger<AuditPurgeJob> logger)
{
    public sealed record Report(int AuditEntries, int DemandAccessLogs);

    public async Task<Report> RunAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = AuditRetention.Cutoff(time.GetUtcNow(), options.RetentionMonths);
        var cutoffUtc = cutoff.UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var entries = await db.AuditEntries.Where(e => e.At < cutoffUtc).ExecuteDeleteAsync(cancellationToken);

        // SQLite cannot compare DateTimeOffset in LINQ: the bound is given to the database as a parameter of raw SQL
        // (UTC offsets, as the portal writes them, sort as text there; SQL Server compares datetimeoffset).
        var reads = await OlderAccessLogs(db, cutoff).ExecuteDeleteAsync(cancellationToken);
        if (entries + reads > 0)
        {
            audit.Add(AuditActor.System, AuditActions.AuditPurge,
                $"{entries} entrée(s) du journal et {reads} consultation(s) de demandes de plus de {options.RetentionMonths} mois supprimées.",
                after: new { entrees = entries, consultations = reads, avant = cutoffUtc });
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Journal : {Entries} entrée(s) et {Reads} consultation(s) supprimées.", entries, reads);
        }

        await transaction.CommitAsync(cancellationToken);
        return new Report(entries, reads);
    }

    /// <summary>The staff reads of demands written before an instant.</summary>
    public static IQueryable<DemandAccessLog> OlderAccessLogs(CilPortalDbContext db, DateTimeOffset before)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.DemandAccessLogs.FromSql($"SELECT * FROM \"DemandAccessLogs\" WHERE \"At\" < {before.ToUniversalTime()}");
    }

    /// <summary>The staff reads of demands written from an instant (inclusive) to another (exclusive), either optional.</summary>
    public static IQueryable<DemandAccessLog> AccessLogsBetween(CilPortalDbContext db, DateTimeOffset? from, DateTimeOffset? to)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (from, to) switch
        {
            ({ } f, { } t) => db.DemandAccessLogs.FromSql($"SELECT * FROM \"DemandAccessLogs\" WHERE \"At\" >= {f.ToUniversalTime()} AND \"At\" < {t.ToUniversalTime()}"),
            ({ } f, null) => db.DemandAccessLogs.FromSql($"SELECT * FROM \"DemandAccessLogs\" WHERE \"At\" >= {f.ToUniversalTime()}"),
            (null, { } t) => db.DemandAccessLogs.FromSql($"SELECT * FROM \"DemandAccessLogs\" WHERE \"At\" < {t.ToUniversalTime()}"),
            _ => db.DemandAccessLogs,
        };
    }
}

/// <summary>
/// Removes the personal data of demands struck off more than <see cref="RetentionOptions.StruckOffDemandMonths"/>
/// months ago (see <see cref="PersonalDataRetention"/> for what stays), <see cref="BatchSize"/> demands per transaction
/// with a pause between two (<see cref="JobBatches"/>), and writes the run's report as an audit entry. Each demand is
/// purged whole or not at all and carries the date of its purge (<c>PersonalDataPurgedOn</c>); a demand is purged once:
/// running again finds nothing more. A run cut short (an error, the portal stopping) writes what its committed batches
/// purged as an entry of its own, and the next run purges the rest. Short transactions keep SQLite's single write lock
/// free for the portal between batches: the first run on a territory's three years of radiations (19,365 demands on the
/// benchmark territory) held it for minutes in one transaction, and sign-ins failed meanwhile (issue #11).
/// </summary>
public sealed class StruckOffDemandPurgeJob(
    CilPortalDbContext db,
    CiaClassificationService classification,
    AuditLog audit,
    RetentionOptions options,
    ILogger<StruckOffDemandPurgeJob> logger)
{
    /// <summary>What a run removed.</summary>
    public sealed record Report(int Demands, int Members, int Resources, int Interviews, int Documents, int Scores, int LinkedAccounts, int SentEmails);

    /// <summary>Demands purged in one transaction.</summary>
    public const int BatchSize = 200;

    public async Task<Report> RunAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var cutoff = PersonalDataRetention.Cutoff(today, options.StruckOffDemandMonths);
        var ids = await Due(cutoff).Select(d => d.Id).ToListAsync(cancellationToken);
        var report = new Report(0, 0, 0, 0, 0, 0, 0, 0);
        try
        {
            await JobBatches.ForEachBatchAsync(ids, BatchSize, async batch =>
            {
                await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
                {
                    // Read again under the transaction: a demand changed since the list was read is left to the next run.
                    var due = await Due(cutoff).Where(d => batch.Contains(d.Id)).Select(d => d.Id).ToArrayAsync(cancellationToken);
                    var purged = await PurgeAsync(due, today, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    report = Add(report, purged);
                }

                // The next batch starts from an empty change tracker: each save otherwise scans every entity of the batches before.
                db.ChangeTracker.Clear();
            }, cancellationToken);
        }
        catch (Exception) when (report.Demands > 0)
        {
            // The batches committed before the failure or the stop are purged: the audit log says so before the error goes on.
            await WriteInterruptedRunAsync(report, cutoff);
            throw;
        }

        // E-mails already sent keep the address and the demand's number: they go with the same delay.
        await using var last = await db.Database.BeginTransactionAsync(cancellationToken);
        var sentBefore = today.AddMonths(-options.StruckOffDemandMonths).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var sent = await db.OutboxMessages.Where(m => m.SentAt != null && m.SentAt < sentBefore).ExecuteDeleteAsync(cancellationToken);
        report = report with { SentEmails = sent };

        audit.Add(AuditActor.System, AuditActions.DemandRetention,
            $"{report.Demands} demande(s) radiée(s) avant le {cutoff:dd/MM/yyyy} : données personnelles effacées ; {report.SentEmails} courriel(s) envoyé(s) supprimé(s).",
            after: Details(report, cutoff, interrupted: false));
        await db.SaveChangesAsync(cancellationToken);
        await last.CommitAsync(cancellationToken);
        if (report.Demands > 0)
        {
            logger.LogInformation("Conservation : données personnelles de {Count} demande(s) radiée(s) effacées.", report.Demands);
        }

        return report;
    }

    /// <summary>The report of a run cut short, in its own transaction, whatever the run's cancellation; a failure here is logged.</summary>
    private async Task WriteInterruptedRunAsync(Report report, DateOnly cutoff)
    {
        try
        {
            db.ChangeTracker.Clear();
            audit.Add(AuditActor.System, AuditActions.DemandRetention,
                $"Passage interrompu : {report.Demands} demande(s) radiée(s) avant le {cutoff:dd/MM/yyyy} : données personnelles effacées ; les autres au prochain passage.",
                after: Details(report, cutoff, interrupted: true));
            await db.SaveChangesAsync(CancellationToken.None);
        }
#pragma warning disable CA1031 // The run's own error is the one to report; this one is logged.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Conservation : {Count} demande(s) radiée(s) effacées par un passage interrompu, sans entrée au journal.", report.Demands);
        }
    }

    /// <summary>What the audit entry of a run records.</summary>
    private static object Details(Report report, DateOnly cutoff, bool interrupted) => new
    {
        demandes = report.Demands,
        personnes = report.Members,
        ressources = report.Resources,
        entretiens = report.Interviews,
        pieces = report.Documents,
        cotations = report.Scores,
        comptesDetaches = report.LinkedAccounts,
        courriels = report.SentEmails,
        radieesAvant = cutoff,
        interrompu = interrupted,
    };

    /// <summary>The demands whose personal data are due to go: struck off before <paramref name="cutoff"/>, not purged yet.</summary>
    private IQueryable<Demand> Due(DateOnly cutoff) =>
        db.Demands.Where(d => d.Status == DemandStatus.StruckOff && d.StruckOffOn < cutoff && d.PersonalDataPurgedOn == null);

    private async Task<Report> PurgeAsync(int[] ids, DateOnly today, CancellationToken cancellationToken)
    {
        // Leases not classified yet are classified first, while the household and its resources are still there.
        var unclassified = await db.Allocations.Where(a => ids.Contains(a.DemandId) && a.LeaseSignedOn != null && a.Classification == null).ToListAsync(cancellationToken);
        await classification.ClassifyAsync(unclassified, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var demands = await db.Demands.AsSplitQuery().Include(d => d.Members).Include(d => d.Resources).Include(d => d.Events)
            .Where(d => ids.Contains(d.Id)).ToListAsync(cancellationToken);
        int members = 0, resources = 0;
        foreach (var demand in demands)
        {
            members += demand.Members.Count;
            resources += demand.Resources.Count;
            db.DemandResources.RemoveRange(demand.Resources);
            PersonalDataRetention.Strip(demand, today);
        }

        var interviews = await db.Interviews.Where(i => ids.Contains(i.DemandId)).ToListAsync(cancellationToken);
        foreach (var interview in interviews)
        {
            interview.Notes = null;
            interview.Outcome = "";
        }

        await db.SaveChangesAsync(cancellationToken);
        var documents = await db.DemandDocuments.Where(d => ids.Contains(d.DemandId)).ExecuteDeleteAsync(cancellationToken);
        var scores = await db.DemandScores.Where(s => ids.Contains(s.DemandId)).ExecuteDeleteAsync(cancellationToken);
        await db.DemandLinkChallenges.Where(c => c.DemandId != null && ids.Contains(c.DemandId.Value)).ExecuteDeleteAsync(cancellationToken);
        var accounts = await db.Users.Where(u => u.LinkedDemandId != null && ids.Contains(u.LinkedDemandId.Value))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LinkedDemandId, (int?)null), cancellationToken);
        return new Report(demands.Count, members, resources, interviews.Count, documents, scores, accounts, 0);
    }

    private static Report Add(Report a, Report b) => new(
        a.Demands + b.Demands, a.Members + b.Members, a.Resources + b.Resources, a.Interviews + b.Interviews,
        a.Documents + b.Documents, a.Scores + b.Scores, a.LinkedAccounts + b.LinkedAccounts, a.SentEmails + b.SentEmails);
}
