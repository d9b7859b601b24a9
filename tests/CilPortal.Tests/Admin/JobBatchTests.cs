using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Audit;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Email;
using CilPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Admin;

/// <summary>
/// The jobs that write thousands of rows on a territory's first run (issue #11) write them in batches, one transaction
/// each: every row is still written once, and the run is reported as one.
/// </summary>
public class JobBatchTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    [Fact]
    public async Task The_retention_purges_every_due_demand_over_several_batches_and_reports_the_run_in_one_audit_entry()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var cutoff = today.AddMonths(-13);
        int due;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            due = await db.Demands.Where(d => d.Status == DemandStatus.StruckOff)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.StruckOffOn, cutoff).SetProperty(d => d.ContactEmail, "radiee@exemple.fr"));
        }

        Assert.True(due > 2 * StruckOffDemandPurgeJob.BatchSize, $"{due} demandes radiées : pas assez pour plusieurs lots");
        var entriesBefore = await CountAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.DemandRetention));

        StruckOffDemandPurgeJob.Report report;
        using (var scope = factory.Services.CreateScope())
        {
            report = await scope.ServiceProvider.GetRequiredService<StruckOffDemandPurgeJob>().RunAsync(today);
        }

        Assert.Equal(due, report.Demands);
        Assert.Equal(0, await CountAsync(db => db.Demands.CountAsync(d => d.Status == DemandStatus.StruckOff && (d.PersonalDataPurgedOn == null || d.ContactEmail != null))));
        Assert.Equal(entriesBefore + 1, await CountAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.DemandRetention)));
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            var run = await db.AuditEntries.OrderByDescending(e => e.Id).FirstAsync(e => e.Action == AuditActions.DemandRetention);
            Assert.Contains($"\"demandes\":{due},", run.After, StringComparison.Ordinal);
        }

        using (var scope = factory.Services.CreateScope())
        {
            Assert.Equal(0, (await scope.ServiceProvider.GetRequiredService<StruckOffDemandPurgeJob>().RunAsync(today)).Demands);
        }
    }

    [Fact]
    public async Task A_retention_run_cut_short_after_a_batch_says_in_the_audit_log_what_it_purged_and_the_next_run_purges_the_rest()
    {
        using var own = new CilPortalWebFactory();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        int due;
        using (var scope = own.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            due = await db.Demands.Where(d => d.Status == DemandStatus.StruckOff).ExecuteUpdateAsync(u => u.SetProperty(d => d.StruckOffOn, today.AddMonths(-13)));

            // The database refuses the purge of any demand after the first batch's: the run fails in its second batch.
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TABLE "TestPurgeCount" ("N" INTEGER NOT NULL); INSERT INTO "TestPurgeCount" VALUES (0);
                CREATE TRIGGER "TestPurgeCut" AFTER UPDATE OF "PersonalDataPurgedOn" ON "Demands" WHEN NEW."PersonalDataPurgedOn" IS NOT NULL
                BEGIN
                    UPDATE "TestPurgeCount" SET "N" = "N" + 1;
                    SELECT RAISE(ABORT, 'coupure du test') WHERE (SELECT "N" FROM "TestPurgeCount") > 200;
                END;
                """);
        }

        Assert.True(due > StruckOffDemandPurgeJob.BatchSize);
        using (var scope = own.Services.CreateScope())
        {
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => scope.ServiceProvider.GetRequiredService<StruckOffDemandPurgeJob>().RunAsync(today));
        }

        using (var scope = own.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            Assert.Equal(StruckOffDemandPurgeJob.BatchSize, await db.Demands.CountAsync(d => d.PersonalDataPurgedOn != null));
            var cut = await db.AuditEntries.OrderByDescending(e => e.Id).FirstAsync(e => e.Action == AuditActions.DemandRetention);
            Assert.StartsWith($"Passage interrompu : {StruckOffDemandPurgeJob.BatchSize} demande(s)", cut.Summary, StringComparison.Ordinal);
            await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "TestPurgeCut";""");
        }

        using (var scope = own.Services.CreateScope())
        {
            Assert.Equal(due - StruckOffDemandPurgeJob.BatchSize, (await scope.ServiceProvider.GetRequiredService<StruckOffDemandPurgeJob>().RunAsync(today)).Demands);
        }
    }

    [Fact]
    public async Task The_renewal_reminders_of_more_than_a_batch_are_each_written_once_with_their_mark()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var expiresOn = today.AddDays(20);
        var count = 2 * RenewalReminderJob.BatchSize + 1;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            var ids = await db.Demands.Where(d => d.Status == DemandStatus.Active).OrderBy(d => d.Id).Select(d => d.Id).Take(count).ToListAsync();
            Assert.Equal(count, ids.Count);
            await db.Demands.Where(d => ids.Contains(d.Id)).ExecuteUpdateAsync(u => u
                .SetProperty(d => d.ExpiresOn, expiresOn)
                .SetProperty(d => d.RenewalReminderSentFor, (DateOnly?)null)
                .SetProperty(d => d.ContactEmail, "lot@exemple.fr")
                .SetProperty(d => d.PortalEmail, "lot@exemple.fr"));
        }

        int written;
        using (var scope = factory.Services.CreateScope())
        {
            written = await scope.ServiceProvider.GetRequiredService<RenewalReminderJob>().RunAsync(today);
        }

        Assert.True(written >= count, $"{written} rappels écrits pour {count} demandes");
        Assert.Equal(count, await CountAsync(db => db.OutboxMessages.CountAsync(m => m.To == "lot@exemple.fr")));
        Assert.Equal(0, await CountAsync(db => db.Demands.CountAsync(d => d.ExpiresOn == expiresOn && d.ContactEmail == "lot@exemple.fr" && d.RenewalReminderSentFor != expiresOn)));
        using (var scope = factory.Services.CreateScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<RenewalReminderJob>().RunAsync(today));
        }
    }

    private async Task<int> CountAsync(Func<CilPortalDbContext, Task<int>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<CilPortalDbContext>());
    }
}
