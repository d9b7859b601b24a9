using System.Net;
using CilPortal.Infrastructure.Audit;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Reception;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Admin;

/// <summary>The audit log: what is written, the viewer's filters, and the purge after the retention period.</summary>
public class AuditLogTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    [Fact]
    public async Task Sign_in_failures_and_successes_are_written_and_the_viewer_filters_by_user_action_and_dates()
    {
        var stranger = factory.CreateClient(new() { AllowAutoRedirect = false });
        await stranger.PostFormAsync("/compte/connexion", new Dictionary<string, string> { ["Input.Email"] = DemoAccounts.ReceptionAgent, ["Input.Password"] = "pas-le-bon-mot-de-passe" });
        await stranger.PostFormAsync("/compte/connexion", new Dictionary<string, string> { ["Input.Email"] = "personne@exemple.fr", ["Input.Password"] = "pas-le-bon-mot-de-passe" });
        var admin = factory.CreateClient(new() { AllowAutoRedirect = false });
        await admin.SignInAsync(DemoAccounts.EpciAdministrator);

        var entries = await WithDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());
        Assert.Contains(entries, e => e.Action == AuditActions.SignInFailed && e.UserName == DemoAccounts.ReceptionAgent && e.Summary == "Mot de passe incorrect.");
        Assert.Contains(entries, e => e.Action == AuditActions.SignInFailed && e.UserName == "personne@exemple.fr");
        Assert.Contains(entries, e => e.Action == AuditActions.SignIn && e.UserName == DemoAccounts.EpciAdministrator);

        // A staff read of a demand, from the other source of the viewer.
        var (demandId, nur) = await WithDbAsync(async db => await db.Demands.OrderBy(d => d.Id).Select(d => new ValueTuple<int, string>(d.Id, d.Nur)).FirstAsync());
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemandAccessAudit>().LogAsync(DemoAccounts.ReceptionAgent, demandId, DemandAccessPurpose.PhoneCall, "consultation");
        }

        var failures = await JournalAsync(admin, "?action=connexion-echec");
        Assert.Contains(DemoAccounts.ReceptionAgent, failures, StringComparison.Ordinal);
        Assert.Contains("personne@exemple.fr", failures, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=\"connexion\"", failures, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=\"acces-demande\"", failures, StringComparison.Ordinal);

        var byUser = await JournalAsync(admin, "?utilisateur=accueil%40demo");
        Assert.Contains("data-action=\"connexion-echec\"", byUser, StringComparison.Ordinal);
        Assert.Contains($"Demande n° {nur} — consultation — motif : Appel du demandeur", byUser, StringComparison.Ordinal);
        Assert.DoesNotContain("personne@exemple.fr", byUser, StringComparison.Ordinal);

        var reads = await JournalAsync(admin, "?action=acces-demande");
        Assert.Contains($"Demande n° {nur}", reads, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=\"connexion-echec\"", reads, StringComparison.Ordinal);

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var tomorrow = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var todays = await JournalAsync(admin, $"?du={today}&au={tomorrow}");
        Assert.Contains("data-action=\"connexion-echec\"", todays, StringComparison.Ordinal);
        Assert.Contains("data-action=\"acces-demande\"", todays, StringComparison.Ordinal);
        var later = await JournalAsync(admin, $"?du={tomorrow}");
        Assert.Contains("data-testid=\"journal-empty\"", later, StringComparison.Ordinal);
        var earlier = await JournalAsync(admin, "?au=2020-01-01");
        Assert.Contains("data-testid=\"journal-empty\"", earlier, StringComparison.Ordinal);

        Assert.Contains("La date de fin doit suivre la date de début.", await JournalAsync(admin, $"?du={tomorrow}&au={today}"), StringComparison.Ordinal);
        Assert.Contains("Choisissez une action de la liste.", await JournalAsync(admin, "?action=inconnue"), StringComparison.Ordinal);
        Assert.Contains("Le filtre n'a pas été appliqué", await JournalAsync(admin, "?du=pas-une-date&p=abc"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administration_changes_are_written_with_before_and_after_and_exports_are_logged()
    {
        var admin = factory.CreateClient(new() { AllowAutoRedirect = false });
        await admin.SignInAsync(DemoAccounts.EpciAdministrator);
        var year = DateTime.UtcNow.Year;
        foreach (var threshold in new[] { "9000", "9500" })
        {
            await admin.PostFormAsync("/gestion/epci/cia/annees", new Dictionary<string, string>
            {
                ["Input.Year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Threshold"] = threshold, ["Input.Source"] = "Arrêté de test", ["Input.OutsideQpv"] = "25", ["Input.InQpv"] = "50", ["Input.Priority"] = "25",
            });
        }

        var last = await WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.CiaYear).OrderByDescending(e => e.Id).FirstAsync());
        Assert.Equal(DemoAccounts.EpciAdministrator, last.UserName);
        Assert.Contains("\"seuil\":9000", last.Before, StringComparison.Ordinal);
        Assert.Contains("\"seuil\":9500", last.After, StringComparison.Ordinal);

        var journal = await JournalAsync(admin, "?action=cia-annee");
        Assert.Contains("Avant et après", journal, StringComparison.Ordinal);
        Assert.Contains("\"seuil\":9500", journal, StringComparison.Ordinal);

        var scaleId = await WithDbAsync(db => db.IncomeCeilingScales.OrderByDescending(s => s.EffectiveFrom).Select(s => s.Id).FirstAsync());
        var form = await admin.GetStringAsync(new Uri($"/gestion/epci/plafonds/modifier/{scaleId}", UriKind.Relative));
        Assert.Contains("Input.Category1", form, StringComparison.Ordinal);

        var bailleur = factory.CreateClient(new() { AllowAutoRedirect = false });
        await bailleur.SignInAsync(DemoAccounts.BailleurAgent1);
        Assert.Equal(HttpStatusCode.OK, (await bailleur.GetAsync(new Uri($"/gestion/bailleur/attributions/export?annee={year}", UriKind.Relative))).StatusCode);
        Assert.True(await WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AllocationsExport && e.UserName == DemoAccounts.BailleurAgent1)));
    }

    [Fact]
    public async Task Entries_and_reads_older_than_the_retention_period_are_purged_and_the_purge_is_logged()
    {
        var now = DateTimeOffset.UtcNow;
        await WithDbAsync(async db =>
        {
            db.AuditEntries.Add(new AuditEntry { At = now.AddMonths(-13).UtcDateTime, UserName = "ancien@exemple.fr", Action = AuditActions.SignIn });
            db.AuditEntries.Add(new AuditEntry { At = now.AddMonths(-11).UtcDateTime, UserName = "recent@exemple.fr", Action = AuditActions.SignIn });
            db.DemandAccessLogs.Add(new DemandAccessLog { At = now.AddMonths(-13), UserName = "ancien@exemple.fr", DemandId = 1, Purpose = DemandAccessPurpose.Reception, Action = "consultation" });
            db.DemandAccessLogs.Add(new DemandAccessLog { At = now.AddMonths(-11), UserName = "recent@exemple.fr", DemandId = 1, Purpose = DemandAccessPurpose.Reception, Action = "consultation" });
            return await db.SaveChangesAsync();
        });

        AuditPurgeJob.Report report;
        using (var scope = factory.Services.CreateScope())
        {
            report = await scope.ServiceProvider.GetRequiredService<AuditPurgeJob>().RunAsync();
        }

        Assert.Equal(new AuditPurgeJob.Report(1, 1), report);
        await WithDbAsync(async db =>
        {
            Assert.False(await db.AuditEntries.AnyAsync(e => e.UserName == "ancien@exemple.fr"));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.UserName == "recent@exemple.fr"));
            Assert.False(await db.DemandAccessLogs.AnyAsync(e => e.UserName == "ancien@exemple.fr"));
            Assert.True(await db.DemandAccessLogs.AnyAsync(e => e.UserName == "recent@exemple.fr"));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AuditPurge));
            return 0;
        });

        using var again = factory.Services.CreateScope();
        Assert.Equal(new AuditPurgeJob.Report(0, 0), await again.ServiceProvider.GetRequiredService<AuditPurgeJob>().RunAsync());
    }

    private static async Task<string> JournalAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync(new Uri("/gestion/epci/journal" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private async Task<T> WithDbAsync<T>(Func<CilPortalDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<CilPortalDbContext>());
    }
}
