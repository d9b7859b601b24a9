using System.Text.Json;
using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Allocations;
using CilPortal.Infrastructure.Audit;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Reception;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Infrastructure.Statistics;
using CilPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Admin;

/// <summary>The retention job on the demo data: personal data of old struck-off demands go, statistics stay.</summary>
public class StruckOffDemandRetentionTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    [Fact]
    public async Task Old_struck_off_demands_lose_their_personal_data_recent_and_active_ones_keep_them_and_figures_do_not_move()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        int oldId, recentId, activeId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();

            // An old radiation with a lease (its CIA classification must stay), a recent one, an active demand.
            oldId = await db.Allocations.Where(a => a.LeaseSignedOn != null).Select(a => a.DemandId).OrderBy(id => id).FirstAsync();
            var old = await db.Demands.SingleAsync(d => d.Id == oldId);
            Assert.Equal(DemandStatus.StruckOff, old.Status);
            old.StruckOffOn = today.AddMonths(-13);
            old.ContactEmail = "ancien@exemple.fr";
            old.PortalPhone = "0600000000";
            old.AccessCodeHash = "hash";
            old.NoticeToken = "jeton-ancien";
            var recent = await db.Demands.Where(d => d.Status == DemandStatus.StruckOff && d.Id != oldId).OrderBy(d => d.Id).FirstAsync();
            recentId = recent.Id;
            recent.StruckOffOn = today.AddMonths(-11);
            recent.ContactEmail = "recent@exemple.fr";
            var active = await db.Demands.Where(d => d.Status == DemandStatus.Active && d.Members.Count > 0).OrderBy(d => d.Id).FirstAsync();
            activeId = active.Id;
            active.ContactEmail = "actif@exemple.fr";
            var place = await db.ReceptionPoints.Select(p => p.Id).FirstAsync();
            db.Interviews.Add(new Interview { DemandId = oldId, ReceptionPointId = place, HeldOn = today.AddMonths(-14), Reason = InterviewReason.Other, Outcome = "Dossier complet", Notes = "Notes internes", RecordedBy = "agent" });
            db.DemandDocuments.Add(new DemandDocument { DemandId = oldId, Kind = DocumentKind.DomesticViolence, ReceivedOn = today.AddMonths(-14), RecordedBy = "agent" });
            db.DemandAccessLogs.Add(new DemandAccessLog { At = DateTimeOffset.UtcNow, UserName = "agent", DemandId = oldId, Purpose = DemandAccessPurpose.Reception, Action = "consultation" });
            await db.SaveChangesAsync();
        }

        var before = await FiguresAsync(today);
        var classificationsBefore = await WithDbAsync(db => db.Allocations.AsNoTracking().Where(a => a.DemandId == oldId).Select(a => a.Classification).ToListAsync());

        StruckOffDemandPurgeJob.Report report;
        using (var scope = factory.Services.CreateScope())
        {
            report = await scope.ServiceProvider.GetRequiredService<StruckOffDemandPurgeJob>().RunAsync(today);
        }

        Assert.True(report.Demands >= 1);
        await WithDbAsync(async db =>
        {
            var old = await db.Demands.Include(d => d.Members).Include(d => d.Resources).Include(d => d.WishedCommunes).AsSplitQuery().SingleAsync(d => d.Id == oldId);
            Assert.Equal(today, old.PersonalDataPurgedOn);
            Assert.Null(old.ContactEmail);
            Assert.Null(old.PortalPhone);
            Assert.Null(old.AccessCodeHash);
            Assert.Null(old.NoticeToken);
            Assert.Empty(old.Resources);
            Assert.All(old.Members, m => Assert.Equal(("", "", 1, 1), (m.FirstName, m.LastName, m.BirthDate.Month, m.BirthDate.Day)));
            Assert.NotEmpty(old.WishedCommunes);
            Assert.Equal(DemandStatus.StruckOff, old.Status);
            Assert.NotNull(old.RadiationReason);
            var interview = await db.Interviews.SingleAsync(i => i.DemandId == oldId);
            Assert.Null(interview.Notes);
            Assert.Equal("", interview.Outcome);
            Assert.False(await db.DemandDocuments.AnyAsync(d => d.DemandId == oldId));
            Assert.True(await db.DemandAccessLogs.AnyAsync(l => l.DemandId == oldId));

            var recent = await db.Demands.Include(d => d.Members).SingleAsync(d => d.Id == recentId);
            Assert.Equal("recent@exemple.fr", recent.ContactEmail);
            Assert.Null(recent.PersonalDataPurgedOn);
            Assert.All(recent.Members, m => Assert.NotEqual("", m.LastName));
            var active = await db.Demands.Include(d => d.Members).SingleAsync(d => d.Id == activeId);
            Assert.Equal("actif@exemple.fr", active.ContactEmail);
            Assert.All(active.Members, m => Assert.NotEqual("", m.LastName));

            var run = await db.AuditEntries.OrderByDescending(e => e.Id).FirstAsync(e => e.Action == AuditActions.DemandRetention);
            Assert.Contains($"\"demandes\":{report.Demands}", run.After, StringComparison.Ordinal);
            return 0;
        });

        Assert.Equal(JsonSerializer.Serialize(classificationsBefore), JsonSerializer.Serialize(await WithDbAsync(db => db.Allocations.AsNoTracking().Where(a => a.DemandId == oldId).Select(a => a.Classification).ToListAsync())));
        Assert.Equal(before, await FiguresAsync(today));

        // Running again purges nothing more; the page lists both runs.
        using (var scope = factory.Services.CreateScope())
        {
            var again = await scope.ServiceProvider.GetRequiredService<StruckOffDemandPurgeJob>().RunAsync(today);
            Assert.Equal(0, again.Demands);
        }

        Assert.Equal(before, await FiguresAsync(today));
        var admin = factory.CreateClient(new() { AllowAutoRedirect = false });
        await admin.SignInAsync(DemoAccounts.EpciAdministrator);
        var page = System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri("/gestion/epci/journal", UriKind.Relative)));
        Assert.Contains("data-testid=\"retention-runs\"", page, StringComparison.Ordinal);
        Assert.Contains("0 demande(s) radiée(s)", page, StringComparison.Ordinal);
        Assert.Contains($"{report.Demands} demande(s) radiée(s)", page, StringComparison.Ordinal);
    }

    /// <summary>The key figures of the territory and the CIA allocations counted each year, as JSON to compare.</summary>
    private async Task<string> FiguresAsync(DateOnly today)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var keyFigures = await scope.ServiceProvider.GetRequiredService<KeyFiguresService>().ForAsync(null, today);
        var years = await db.Allocations.Where(a => a.LeaseSignedOn != null).Select(a => a.LeaseSignedOn!.Value.Year).Distinct().OrderBy(y => y).ToListAsync();
        var cia = new List<object>();
        foreach (var year in years)
        {
            cia.Add(await scope.ServiceProvider.GetRequiredService<CiaClassificationService>().CountedAsync(year, null));
        }

        return JsonSerializer.Serialize(new { keyFigures, cia });
    }

    private async Task<T> WithDbAsync<T>(Func<CilPortalDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<CilPortalDbContext>());
    }
}
