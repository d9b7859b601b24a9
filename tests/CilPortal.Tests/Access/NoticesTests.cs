using System.Net;
using System.Text.RegularExpressions;
using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Demands;
using CilPortal.Infrastructure.Importers;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Infrastructure.Time;
using CilPortal.Tests.Import;
using CilPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Access;

public partial class NoticesTests
{
    [Fact]
    public async Task A_decision_recorded_on_a_demand_sends_a_notice_with_an_unsubscribe_link_and_the_link_stops_them()
    {
        using var factory = new CilPortalWebFactory();
        var demandId = await ActiveDemandAsync(factory);

        await RecordAsync(factory, demandId, new DemandEvent { OccurredOn = Today(factory), Kind = DemandEventKind.CaleolDecision, Detail = "Attribution au rang 2 pour un T3 à Narbonne." });

        var notice = await LastMessageAsync(factory, "avis");
        Assert.Contains("Attribution au rang 2 pour un T3 à Narbonne.", notice.TextBody, StringComparison.Ordinal);
        Assert.NotNull(notice.UnsubscribeUrl);
        var path = new Uri(notice.UnsubscribeUrl!).AbsolutePath;

        var client = factory.CreateClient();
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(path, UriKind.Relative)));
        Assert.Contains("data-testid=\"unsubscribe\"", page, StringComparison.Ordinal);
        Assert.True(await StatusNoticesAsync(factory, demandId), "A GET changes nothing.");

        // The one-click POST of a mail client (RFC 8058) carries no antiforgery token.
        using var oneClick = new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" });
        var response = await client.PostAsync(new Uri(path, UriKind.Relative), oneClick);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await StatusNoticesAsync(factory, demandId));

        var before = await CountAsync(factory, "avis");
        await RecordAsync(factory, demandId, new DemandEvent { OccurredOn = Today(factory), Kind = DemandEventKind.OfferMade, Detail = "Proposition d'un T3." });
        Assert.Equal(before, await CountAsync(factory, "avis"));
        var unknown = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/desabonnement/0000", UriKind.Relative)));
        Assert.Contains("data-testid=\"unknown-link\"", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_radiation_strikes_the_demand_off_with_its_reason_and_removes_its_score()
    {
        using var factory = new CilPortalWebFactory();
        var demandId = await ActiveDemandAsync(factory);

        await RecordAsync(factory, demandId, new DemandEvent { OccurredOn = Today(factory), Kind = DemandEventKind.StruckOff, RadiationReason = RadiationReason.Renunciation, Detail = "Radiée à votre demande (renonciation écrite)." });

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var demand = await db.Demands.SingleAsync(d => d.Id == demandId);
        Assert.Equal((DemandStatus.StruckOff, RadiationReason.Renunciation), (demand.Status, demand.RadiationReason!.Value));
        Assert.False(await db.DemandScores.AnyAsync(s => s.DemandId == demandId));
        Assert.Contains("renonciation", (await LastMessageAsync(factory, "avis")).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_priority_label_raises_the_score_and_keeps_the_ranks_of_the_group_consistent()
    {
        using var factory = new CilPortalWebFactory();
        var demandId = await ActiveDemandAsync(factory);
        int before;
        using (var scope = factory.Services.CreateScope())
        {
            before = (await scope.ServiceProvider.GetRequiredService<CilPortalDbContext>().DemandScores.SingleAsync(s => s.DemandId == demandId)).Total;
        }

        await RecordAsync(factory, demandId, new DemandEvent { OccurredOn = Today(factory), Kind = DemandEventKind.PriorityPublicLabel, Detail = "Reconnue comme public prioritaire." });

        using var check = factory.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var score = await db.DemandScores.SingleAsync(s => s.DemandId == demandId);
        Assert.Equal(before + 30, score.Total);
        var group = await db.DemandScores.Where(s => s.SimilarKey == score.SimilarKey).OrderBy(s => s.Rank).ToListAsync();
        Assert.Equal(Enumerable.Range(1, group.Count), group.Select(s => s.Rank!.Value));
        Assert.Equal(group.OrderByDescending(s => s.Total).Select(s => s.Total), group.Select(s => s.Total));
    }

    [Fact]
    public async Task The_applicant_changes_the_notice_address_which_is_used_once_confirmed_and_survives_an_sne_import()
    {
        using var factory = new CilPortalWebFactory();
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(DemoAccounts.Applicant);

        var saved = await client.PostFormAsync("/ma-demande/coordonnees", new Dictionary<string, string>
        {
            ["Input.Email"] = "nouvelle.adresse@exemple.fr",
            ["Input.Phone"] = "06 11 22 33 44",
            ["Input.StatusNotices"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var confirmation = await LastMessageAsync(factory, "confirmation-adresse");
        Assert.Equal("nouvelle.adresse@exemple.fr", confirmation.To);
        var link = ConfirmLink().Match(confirmation.TextBody).Value;

        var wrong = await client.GetAsync(new Uri("/ma-demande/coordonnees/confirmer?jeton=faux", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, wrong.StatusCode);
        Assert.Null((await LinkedDemandAsync(factory)).PortalEmail);

        // Opening the link changes nothing (a mail scanner may open it): it shows the button that confirms.
        var opened = await client.GetStringAsync(new Uri(new Uri(link).PathAndQuery, UriKind.Relative));
        Assert.Contains("data-testid=\"confirm-email-form\"", opened, StringComparison.Ordinal);
        Assert.Null((await LinkedDemandAsync(factory)).PortalEmail);
        await client.PostFormAsync(new Uri(link).PathAndQuery, new Dictionary<string, string>());
        var demand = await LinkedDemandAsync(factory);
        Assert.Equal("nouvelle.adresse@exemple.fr", demand.PortalEmail);
        Assert.Equal("06 11 22 33 44", demand.PortalPhone);

        // A re-import from the registry overwrites the registry's address, not the one chosen here.
        var xml = SneFiles.WithDemands(SneFiles.Nur(demand.Nur));
        using (var scope = factory.Services.CreateScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<SneImporter>().ImportAsync(SneFiles.Stream(xml), Today(factory));
            Assert.True(report.Succeeded);
        }

        demand = await LinkedDemandAsync(factory);
        Assert.Equal("jean.dupont@yyyy.fr", demand.ContactEmail);
        Assert.Equal("nouvelle.adresse@exemple.fr", demand.NoticeEmail);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/ma-demande", UriKind.Relative)));
        Assert.Contains("Les messages de ce portail sont envoyés à nouvelle.adresse@exemple.fr.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_address_or_phone_is_refused_in_french_and_nothing_changes()
    {
        using var factory = new CilPortalWebFactory();
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(DemoAccounts.Applicant);

        var response = await client.PostFormAsync("/ma-demande/coordonnees", new Dictionary<string, string>
        {
            ["Input.Email"] = "pas-une-adresse",
            ["Input.Phone"] = "appelez-moi",
            ["Input.StatusNotices"] = "false",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Saisissez une adresse e-mail valide", html, StringComparison.Ordinal);
        Assert.Contains("Saisissez un numéro de téléphone de 10 chiffres", html, StringComparison.Ordinal);
        var demand = await LinkedDemandAsync(factory);
        Assert.True(demand.StatusNotices);
        Assert.Null(demand.PendingPortalEmail);
    }

    private static DateOnly Today(CilPortalWebFactory factory) => factory.Services.GetRequiredService<ParisClock>().Today;

    private static async Task<int> ActiveDemandAsync(CilPortalWebFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        return await db.Demands.ActiveOn(Today(factory)).Where(d => d.ContactEmail != null && !d.IsPriorityPublic && d.WishedCommunes.Any())
            .OrderBy(d => d.Id).Skip(11).Select(d => d.Id).FirstAsync();
    }

    private static async Task RecordAsync(CilPortalWebFactory factory, int demandId, DemandEvent e)
    {
        using var scope = factory.Services.CreateScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<DemandEventRecorder>().RecordAsync(demandId, e));
    }

    private static async Task<bool> StatusNoticesAsync(CilPortalWebFactory factory, int demandId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CilPortalDbContext>().Demands.Where(d => d.Id == demandId).Select(d => d.StatusNotices).SingleAsync();
    }

    private static async Task<CilPortal.Infrastructure.Email.OutboxMessage> LastMessageAsync(CilPortalWebFactory factory, string kind)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CilPortalDbContext>().OutboxMessages.Where(m => m.Kind == kind).OrderByDescending(m => m.Id).FirstAsync();
    }

    private static async Task<int> CountAsync(CilPortalWebFactory factory, string kind)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CilPortalDbContext>().OutboxMessages.CountAsync(m => m.Kind == kind);
    }

    private static async Task<Demand> LinkedDemandAsync(CilPortalWebFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var id = (await db.Users.SingleAsync(u => u.Email == DemoAccounts.Applicant)).LinkedDemandId;
        return await db.Demands.AsNoTracking().SingleAsync(d => d.Id == id);
    }

    [GeneratedRegex(@"http\S+/ma-demande/coordonnees/confirmer\?jeton=[0-9a-f]+")]
    private static partial Regex ConfirmLink();
}
