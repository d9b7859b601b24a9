using System.Net;
using System.Text.RegularExpressions;
using CilPortal.Domain.Demands;
using CilPortal.Domain.Scoring;
using CilPortal.Infrastructure.Access;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Scoring;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Infrastructure.Time;
using CilPortal.Tests.Access;
using CilPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Scoring;

public partial class CotationTests(CilPortalWebFactory shared) : IClassFixture<CilPortalWebFactory>
{
    [Fact]
    public async Task Every_active_demand_has_a_score_from_the_example_grid_and_lapsed_ones_have_none()
    {
        using var scope = shared.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var today = scope.ServiceProvider.GetRequiredService<ParisClock>().Today;

        var active = await db.Demands.ActiveOn(today).CountAsync();
        var scored = await db.DemandScores.CountAsync();
        var grid = await db.ScoringGrids.SingleAsync();

        Assert.Equal(active, scored);
        Assert.True(grid.IsExample);
        Assert.Equal(ScoringGridStatus.Published, grid.Status);
        Assert.False(await db.DemandScores.AnyAsync(s => !db.Demands.ActiveOn(today).Any(d => d.Id == s.DemandId)));
        Assert.True(await db.DemandScores.AnyAsync(s => s.Total > 60), "Some demo demands should have situation points on top of seniority.");
    }

    [Fact]
    public async Task The_public_page_is_generated_from_the_grid_in_force()
    {
        var html = WebUtility.HtmlDecode(await shared.CreateClient().GetStringAsync(new Uri("/cotation", UriKind.Relative)));

        Assert.Contains("data-testid=\"example-grid\"", html, StringComparison.Ordinal);
        Assert.Contains("Menace d'expulsion sans relogement", html, StringComparison.Ordinal);
        Assert.Contains("1 point par mois complet d'ancienneté, 60 au plus", html, StringComparison.Ordinal);
        Assert.Contains("10 points en moins par refus, pendant 12 mois", html, StringComparison.Ordinal);
        Assert.Contains("Loyer actuel supérieur à 30 % des ressources mensuelles du foyer.", html, StringComparison.Ordinal);
        Assert.Contains("Ensemble des critères de ce groupe : 40 points au plus.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_applicant_sees_their_score_its_breakdown_their_rank_and_the_histogram_of_similar_demands()
    {
        using var factory = new CilPortalWebFactory();
        var (nur, code, demandId) = await PrepareDemandAsync(factory, DemandSituations.EvictionThreat | DemandSituations.Disability);

        var html = WebUtility.HtmlDecode(await DemandLookupTests.LookupAsync(factory.CreateClient(), nur, code));

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var score = await db.DemandScores.SingleAsync(s => s.DemandId == demandId);
        var lines = ScoringService.Deserialise(score.Breakdown);
        Assert.Contains(lines, l => l.Code == "EXPULSION" && l.Points == 20);
        Assert.Contains(lines, l => l.Code == "HANDICAP" && l.Points == 15);
        Assert.Equal(score.Total, lines.Sum(l => l.Points));
        Assert.Contains($"data-testid=\"score-total\">{score.Total} points<", html, StringComparison.Ordinal);
        Assert.Contains("Menace d'expulsion sans relogement", html, StringComparison.Ordinal);
        Assert.Contains($"sur {score.SimilarCount} demande", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"score-histogram\"", html, StringComparison.Ordinal);
        Assert.Contains("(votre tranche)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_administrator_drafts_previews_and_publishes_a_grid_and_every_score_follows()
    {
        using var factory = new CilPortalWebFactory();
        var (nur, code, demandId) = await PrepareDemandAsync(factory, DemandSituations.EvictionThreat);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(DemoAccounts.EpciAdministrator);

        var draftCreated = await client.PostFormAsync("/gestion/epci/cotation", new Dictionary<string, string>(), "/gestion/epci/cotation?handler=Draft");
        Assert.Equal(HttpStatusCode.Redirect, draftCreated.StatusCode);
        var editUrl = draftCreated.Headers.Location!.OriginalString;
        var form = await DraftFormAsync(client, editUrl);
        form[FieldFor(form, "EXPULSION", "Points")] = "35";
        form["Input.Title"] = "Grille adoptée par la CIL";
        form["Input.Decision"] = "Délibération de la CIL du 20 novembre 2026";

        var saved = await client.PostFormAsync(editUrl, form);
        Assert.True(HttpStatusCode.Redirect == saved.StatusCode, await saved.Content.ReadAsStringAsync());

        var preview = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"{editUrl}/apercu", UriKind.Relative)));
        Assert.Contains("Les demandes qui changent le plus", preview, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"largest-moves\"", preview, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"rank-changes\"", preview, StringComparison.Ordinal);

        var today = factory.Services.GetRequiredService<ParisClock>().Today;
        var published = await client.PostFormAsync($"{editUrl}/apercu", new Dictionary<string, string> { ["EffectiveFrom"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var version2 = await db.ScoringGrids.SingleAsync(g => g.Version == 2);
        Assert.Equal(ScoringGridStatus.Published, version2.Status);
        Assert.False(version2.IsExample);
        Assert.Equal(DemoAccounts.EpciAdministrator, version2.PublishedBy);
        Assert.False(await db.DemandScores.AnyAsync(s => s.GridVersion != 2));
        var lines = ScoringService.Deserialise((await db.DemandScores.SingleAsync(s => s.DemandId == demandId)).Breakdown);
        Assert.Contains(lines, l => l.Code == "EXPULSION" && l.Points == 35);

        // The first version is kept as it was.
        Assert.Equal(20, (await db.ScoringCriteria.SingleAsync(c => c.Code == "EXPULSION" && db.ScoringGrids.Any(g => g.Id == c.GridId && g.Version == 1))).Points);

        var publicPage = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync(new Uri("/cotation", UriKind.Relative)));
        Assert.Contains("Délibération de la CIL du 20 novembre 2026", publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"example-grid\"", publicPage, StringComparison.Ordinal);
        var status = WebUtility.HtmlDecode(await DemandLookupTests.LookupAsync(factory.CreateClient(), nur, code));
        Assert.Contains("(version 2)", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grid_published_for_a_later_date_is_announced_but_scores_keep_the_grid_in_force()
    {
        using var factory = new CilPortalWebFactory();
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(DemoAccounts.EpciAdministrator);
        var draftCreated = await client.PostFormAsync("/gestion/epci/cotation", new Dictionary<string, string>(), "/gestion/epci/cotation?handler=Draft");
        var editUrl = draftCreated.Headers.Location!.OriginalString;
        var later = factory.Services.GetRequiredService<ParisClock>().Today.AddMonths(2);

        var published = await client.PostFormAsync($"{editUrl}/apercu", new Dictionary<string, string> { ["EffectiveFrom"] = later.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        Assert.False(await db.DemandScores.AnyAsync(s => s.GridVersion != 1));
        var publicPage = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync(new Uri("/cotation", UriKind.Relative)));
        Assert.Contains("data-testid=\"next-grid\"", publicPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_published_grid_cannot_be_changed_through_the_pages_or_the_database()
    {
        using var factory = new CilPortalWebFactory();
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(DemoAccounts.EpciAdministrator);
        int id;
        using (var scope = factory.Services.CreateScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<CilPortalDbContext>().ScoringGrids.Select(g => g.Id).SingleAsync();
        }

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/gestion/epci/cotation/{id}", UriKind.Relative)));
        Assert.Contains("data-testid=\"published-grid\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"grid-form\"", page, StringComparison.Ordinal);
        var response = await client.PostFormAsync($"/gestion/epci/cotation/{id}", new Dictionary<string, string> { ["Input.Title"] = "Piratage" }, $"/gestion/epci/cotation/{id}?handler=Delete");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("elle ne peut plus être modifiée", html, StringComparison.Ordinal);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            var criterion = await db.ScoringCriteria.FirstAsync(c => c.GridId == id);
            criterion.Points = 999;
            Assert.Throws<PublishedGridException>(() => db.SaveChanges());
        }

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            Assert.Equal(1, await db.ScoringGrids.CountAsync());
            Assert.DoesNotContain(999, await db.ScoringCriteria.Select(c => c.Points).ToListAsync());
        }
    }

    [Fact]
    public async Task Bad_grid_input_is_refused_in_french_and_saves_nothing()
    {
        using var factory = new CilPortalWebFactory();
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(DemoAccounts.EpciAdministrator);
        var editUrl = (await client.PostFormAsync("/gestion/epci/cotation", new Dictionary<string, string>(), "/gestion/epci/cotation?handler=Draft")).Headers.Location!.OriginalString;
        var form = await DraftFormAsync(client, editUrl);
        form[FieldFor(form, "EXPULSION", "Points")] = "beaucoup";
        form[FieldFor(form, "ANCIENNETE", "MaxPoints")] = "";
        form[FieldFor(form, "DALO", "Points")] = "-4";

        var response = await client.PostFormAsync(editUrl, form);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var added = WebUtility.HtmlDecode(await (await client.PostFormAsync(editUrl, new Dictionary<string, string>
        {
            ["NewCriterion.Kind"] = "Situation",
            ["NewCriterion.Condition"] = "OverOccupation",
            ["NewCriterion.Code"] = "DALO",
            ["NewCriterion.Points"] = "5",
        }, $"{editUrl}?handler=Add")).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("Les points sont compris entre 0 et 1 000.", html, StringComparison.Ordinal);
        Assert.Contains("Indiquez le maximum de points d'ancienneté", html, StringComparison.Ordinal);
        Assert.Contains("Le code « DALO » est utilisé par plusieurs critères.", added, StringComparison.Ordinal);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var draft = await db.ScoringGrids.Include(g => g.Criteria).SingleAsync(g => g.Status == ScoringGridStatus.Draft);
        Assert.Equal(20, draft.Criteria.Single(c => c.Code == "EXPULSION").Points);
        Assert.Equal(60, draft.Criteria.Single(c => c.Code == "ANCIENNETE").MaxPoints);
        Assert.Equal(17, draft.Criteria.Count);
    }

    [Fact]
    public async Task Staff_list_the_demands_of_a_typology_and_commune_by_score_and_open_a_breakdown()
    {
        var client = shared.CreateClient();
        await client.SignInAsync(DemoAccounts.ReceptionAgent);
        string key;
        using (var scope = shared.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            key = await db.DemandScores.GroupBy(s => s.SimilarKey).OrderByDescending(g => g.Count()).Select(g => g.Key!).FirstAsync();
        }

        var (typology, commune) = SimilarDemands.Parse(key)!.Value;
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/gestion/cotation?typologie={typology}&commune={commune}", UriKind.Relative)));
        var scores = RankingScores().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(scores.Count > 1);
        Assert.Equal(scores.OrderByDescending(s => s), scores);

        var nur = FirstNur().Match(html).Groups[1].Value;
        var detail = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/gestion/cotation/demande/{nur}", UriKind.Relative)));
        Assert.Contains("data-testid=\"score-breakdown\"", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/gestion/cotation/demande/000000000000000000", UriKind.Relative))).StatusCode);
        var bad = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/gestion/cotation?typologie=T3&commune=99999", UriKind.Relative)));
        Assert.Contains("Choisissez une commune de la liste.", bad, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bailleur_agent_sees_the_ranking_but_not_the_situations_of_a_demand_and_each_detail_opening_is_logged()
    {
        var bailleur = shared.CreateClient(new() { AllowAutoRedirect = false });
        await bailleur.SignInAsync(DemoAccounts.BailleurAgent1);
        string nur;
        using (var scope = shared.Services.CreateScope())
        {
            nur = await scope.ServiceProvider.GetRequiredService<CilPortalDbContext>().Demands.ActiveOn(DateOnly.FromDateTime(DateTime.Today)).OrderBy(d => d.Id).Select(d => d.Nur).FirstAsync();
        }

        var ranking = await bailleur.GetAsync(new Uri("/gestion/cotation?typologie=T3&commune=11262", UriKind.Relative));
        var detail = await bailleur.GetAsync(new Uri($"/gestion/cotation/demande/{nur}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ranking.StatusCode);
        Assert.DoesNotContain("href=\"/gestion/cotation/demande/", await ranking.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, detail.StatusCode);

        var agent = shared.CreateClient();
        await agent.SignInAsync(DemoAccounts.ReceptionAgent);
        await agent.GetStringAsync(new Uri($"/gestion/cotation/demande/{nur}", UriKind.Relative));
        using var check = shared.Services.CreateScope();
        Assert.True(await check.ServiceProvider.GetRequiredService<CilPortalDbContext>().DemandAccessLogs.AnyAsync(l => l.Action == "cotation" && l.UserName == DemoAccounts.ReceptionAgent));
    }

    [Fact]
    public async Task Applicants_and_tenants_cannot_open_the_staff_ranking()
    {
        var client = shared.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(DemoAccounts.Applicant);

        var response = await client.GetAsync(new Uri("/gestion/cotation?typologie=T3&commune=11262", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/compte/acces-refuse", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>Gives an active demand situations and an access code, recomputes the scores, and returns how to look it up.</summary>
    private static async Task<(string Nur, string Code, int DemandId)> PrepareDemandAsync(CilPortalWebFactory factory, DemandSituations situations)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var today = scope.ServiceProvider.GetRequiredService<ParisClock>().Today;
        var demand = await db.Demands.ActiveOn(today).Where(d => d.WishedCommunes.Any() && !d.IsPriorityPublic).OrderBy(d => d.Id).Skip(7).FirstAsync();
        demand.Situations = situations;
        await db.SaveChangesAsync();
        var code = await scope.ServiceProvider.GetRequiredService<DemandAccessService>().IssueAsync(demand.Id);
        await scope.ServiceProvider.GetRequiredService<ScoringService>().RecomputeAllAsync(today);
        return (demand.Nur, code, demand.Id);
    }

    /// <summary>Reads every field of the draft form as a browser would send it.</summary>
    private static async Task<Dictionary<string, string>> DraftFormAsync(HttpClient client, string editUrl)
    {
        var html = await client.GetStringAsync(new Uri(editUrl, UriKind.Relative));
        var form = html[html.IndexOf("data-testid=\"grid-form\"", StringComparison.Ordinal)..html.IndexOf("data-testid=\"save-draft\"", StringComparison.Ordinal)];
        var fields = new Dictionary<string, string>();
        foreach (Match input in InputField().Matches(form))
        {
            var name = WebUtility.HtmlDecode(input.Groups["name"].Value);
            var value = WebUtility.HtmlDecode(input.Groups["value"].Value);
            if (input.Value.Contains("type=\"checkbox\"", StringComparison.Ordinal))
            {
                continue;
            }

            fields.TryAdd(name, value);
        }

        foreach (Match criterion in CriterionBlock().Matches(form))
        {
            fields[$"code:{criterion.Groups["code"].Value}"] = criterion.Groups["index"].Value;
        }

        return fields;
    }

    private static string FieldFor(Dictionary<string, string> form, string code, string field) => $"Input.Criteria[{form[$"code:{code}"]}].{field}";

    [GeneratedRegex("<input[^>]*?name=\"(?<name>[^\"]+)\"[^>]*?value=\"(?<value>[^\"]*)\"[^>]*>")]
    private static partial Regex InputField();

    [GeneratedRegex("data-testid=\"criterion-(?<code>[A-Z_-]+)\">.*?name=\"Input\\.Criteria\\[(?<index>\\d+)\\]\\.Id\"", RegexOptions.Singleline)]
    private static partial Regex CriterionBlock();

    [GeneratedRegex("<td>\\s*<a href=\"/gestion/cotation/demande/[0-9A-Z]+\">[0-9A-Z]+</a>\\s*</td>\\s*<td>(\\d+)</td>")]
    private static partial Regex RankingScores();

    [GeneratedRegex("href=\"/gestion/cotation/demande/([0-9A-Z]+)\"")]
    private static partial Regex FirstNur();
}
