using System.Net;
using System.Text.RegularExpressions;
using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Reception;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Infrastructure.Time;
using CilPortal.Tests.Access;
using CilPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Reception;

public partial class ReceptionDeskTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    [Fact]
    public async Task An_agent_finds_a_demand_by_number_by_name_and_birth_date_or_by_email_but_never_by_name_alone()
    {
        var client = await AgentAsync();
        var (nur, lastName, birthDate, email) = await SomeApplicantAsync();

        var byNur = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/gestion/accueil/recherche?nur={nur}", UriKind.Relative)));
        var byName = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/gestion/accueil/recherche?nom={Uri.EscapeDataString(lastName.ToLowerInvariant())}&naissance={birthDate:yyyy-MM-dd}", UriKind.Relative)));
        var byEmail = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/gestion/accueil/recherche?email={Uri.EscapeDataString(email.ToUpperInvariant())}", UriKind.Relative)));
        var nameAlone = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/gestion/accueil/recherche?nom={Uri.EscapeDataString(lastName)}", UriKind.Relative)));
        var badNur = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/gestion/accueil/recherche?nur=123", UriKind.Relative)));
        var wildcard = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/gestion/accueil/recherche?email=%25", UriKind.Relative)));

        Assert.All([byNur, byName, byEmail], html => Assert.Contains(nur, html, StringComparison.Ordinal));
        Assert.Contains("indiquez aussi la date de naissance", nameAlone, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"results\"", nameAlone, StringComparison.Ordinal);
        Assert.Contains("Le numéro unique compte 18 caractères", badNur, StringComparison.Ordinal);
        Assert.Contains("Aucune demande trouvée", wildcard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_a_demand_asks_why_and_every_opening_is_logged_with_who_and_why()
    {
        var client = await AgentAsync();
        var (nur, _, _, _) = await SomeApplicantAsync();
        var before = await LogCountAsync(nur);

        var ask = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/gestion/accueil/demandes/{nur}", UriKind.Relative)));
        Assert.Contains("data-testid=\"purpose-needed\"", ask, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"staff-demand\"", ask, StringComparison.Ordinal);
        Assert.Equal(before, await LogCountAsync(nur));

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/gestion/accueil/demandes/{nur}?motif=PhoneCall", UriKind.Relative)));
        Assert.Contains("data-testid=\"staff-demand\"", page, StringComparison.Ordinal);
        Assert.Equal(before + 1, await LogCountAsync(nur));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var entry = await db.DemandAccessLogs.OrderByDescending(l => l.Id).FirstAsync();
        Assert.Equal((DemoAccounts.ReceptionAgent, DemandAccessPurpose.PhoneCall, "consultation"), (entry.UserName, entry.Purpose, entry.Action));
    }

    [Fact]
    public async Task An_interview_is_recorded_and_the_applicant_reads_its_outcome_but_never_the_notes()
    {
        var client = await AgentAsync();
        var (nur, code) = await DemoApplicantAsync();
        var today = factory.Services.GetRequiredService<ParisClock>().Today;
        var place = await AgentPlaceAsync();

        var refused = await client.PostFormAsync($"/gestion/accueil/demandes/{nur}/entretien?motif=Reception", new Dictionary<string, string>
        {
            ["Input.HeldOn"] = today.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ReceptionPointId"] = "999",
            ["Input.Reason"] = "RenewalHelp",
            ["Input.Outcome"] = "",
        });
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Indiquez la suite donnée", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("Choisissez un de vos lieux d'accueil.", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("ne peut pas être dans le futur", refusedHtml, StringComparison.Ordinal);

        var saved = await client.PostFormAsync($"/gestion/accueil/demandes/{nur}/entretien?motif=Reception", new Dictionary<string, string>
        {
            ["Input.HeldOn"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ReceptionPointId"] = place.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Reason"] = "RenewalHelp",
            ["Input.Outcome"] = "Demande renouvelée ensemble ; pièces de revenus à apporter.",
            ["Input.FollowUpOn"] = today.AddDays(15).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Notes"] = "Rappeler en fin de matinée.",
        });
        Assert.Contains("L'entretien est noté", WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var applicantView = WebUtility.HtmlDecode(await DemandLookupTests.LookupAsync(factory.CreateClient(), nur, code));
        Assert.Contains("Demande renouvelée ensemble ; pièces de revenus à apporter.", applicantView, StringComparison.Ordinal);
        Assert.Contains("Aide au renouvellement", applicantView, StringComparison.Ordinal);
        Assert.DoesNotContain("Rappeler en fin de matinée.", applicantView, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_information_sheet_issues_a_code_that_works_and_the_old_one_no_longer_does()
    {
        using var own = new CilPortalWebFactory();
        var client = own.CreateClient();
        await client.SignInAsync(DemoAccounts.ReceptionAgent);
        var (nur, oldCode) = await DemoApplicantAsync(own);

        var sheet = WebUtility.HtmlDecode(await (await client.PostFormAsync($"/gestion/accueil/demandes/{nur}/fiche?motif=Reception", new Dictionary<string, string>())).Content.ReadAsStringAsync());
        var newCode = AccessCodePattern().Match(sheet).Groups[1].Value;

        Assert.Contains("data-testid=\"sheet\"", sheet, StringComparison.Ordinal);
        Assert.Matches("^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}$", newCode);
        Assert.Contains("data-testid=\"demand-summary\"", await DemandLookupTests.LookupAsync(own.CreateClient(), nur, newCode), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"demand-summary\"", await DemandLookupTests.LookupAsync(own.CreateClient(), nur, oldCode), StringComparison.Ordinal);
        using var scope = own.Services.CreateScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<CilPortalDbContext>().DemandAccessLogs.AnyAsync(l => l.Action == "code-acces"));
    }

    [Fact]
    public async Task The_desk_checks_off_documents_records_a_justified_situation_that_counts_at_once_and_sets_contact_details()
    {
        using var own = new CilPortalWebFactory();
        var client = own.CreateClient();
        await client.SignInAsync(DemoAccounts.ReceptionAgent);
        var (nur, _) = await DemoApplicantAsync(own);

        var bad = WebUtility.HtmlDecode(await (await client.PostFormAsync($"/gestion/accueil/demandes/{nur}/pieces?motif=Reception", new Dictionary<string, string> { ["Email"] = "pas-une-adresse" })).Content.ReadAsStringAsync());
        Assert.Contains("Saisissez une adresse e-mail valide", bad, StringComparison.Ordinal);

        var saved = WebUtility.HtmlDecode(await (await client.PostFormAsync($"/gestion/accueil/demandes/{nur}/pieces?motif=Reception", (KeyValuePair<string, string>[])[
            new("Documents", "Identity"), new("Documents", "TaxNotice"), new("Documents", "EvictionProcedure"), new("Situations", "EvictionThreat"),
            new("Email", "guichet@exemple.fr"), new("Phone", "04 68 00 00 00")])).Content.ReadAsStringAsync());

        Assert.Contains("la cotation est recalculée", saved, StringComparison.Ordinal);
        using var scope = own.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var demand = await db.Demands.SingleAsync(d => d.Nur == nur);
        Assert.Equal("guichet@exemple.fr", demand.NoticeEmail);
        Assert.Equal([DocumentKind.Identity, DocumentKind.TaxNotice, DocumentKind.EvictionProcedure], await db.DemandDocuments.Where(d => d.DemandId == demand.Id).OrderBy(d => d.Kind).Select(d => d.Kind).ToListAsync());
        Assert.Equal(CilPortal.Domain.Scoring.DemandSituations.EvictionThreat, demand.Situations);
        var score = await db.DemandScores.SingleAsync(s => s.DemandId == demand.Id);
        Assert.Contains(CilPortal.Infrastructure.Scoring.ScoringService.Deserialise(score.Breakdown), l => l.Code == "EXPULSION");
    }

    [Fact]
    public async Task The_epci_assigns_an_agent_to_reception_points()
    {
        using var own = new CilPortalWebFactory();
        var client = own.CreateClient();
        await client.SignInAsync(DemoAccounts.EpciAdministrator);
        string agentId;
        int[] places;
        using (var scope = own.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            agentId = (await db.Users.SingleAsync(u => u.Email == DemoAccounts.ReceptionAgent)).Id;
            places = await db.ReceptionPoints.OrderByDescending(r => r.Id).Select(r => r.Id).Take(1).ToArrayAsync();
        }

        var page = WebUtility.HtmlDecode(await (await client.PostFormAsync("/gestion/epci/agents-accueil", new Dictionary<string, string> { ["agentId"] = agentId, ["places"] = places[0].ToString(System.Globalization.CultureInfo.InvariantCulture) })).Content.ReadAsStringAsync());

        Assert.Contains("sont enregistrés", page, StringComparison.Ordinal);
        using var check = own.Services.CreateScope();
        Assert.Equal(places, await check.ServiceProvider.GetRequiredService<CilPortalDbContext>().ReceptionAgentAssignments.Where(a => a.UserId == agentId).Select(a => a.ReceptionPointId).ToArrayAsync());
    }

    [Theory]
    [InlineData(DemoAccounts.BailleurAgent1)]
    [InlineData(DemoAccounts.Applicant)]
    [InlineData(DemoAccounts.Tenant)]
    public async Task Only_reception_agents_and_the_epci_reach_the_desk(string account)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(account);
        var (nur, _, _, _) = await SomeApplicantAsync();

        foreach (var url in new[] { "/gestion/accueil/recherche?nur=" + nur, $"/gestion/accueil/demandes/{nur}?motif=Reception", $"/gestion/accueil/demandes/{nur}/fiche?motif=Reception" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/compte/acces-refuse", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    private async Task<HttpClient> AgentAsync()
    {
        var client = factory.CreateClient();
        await client.SignInAsync(DemoAccounts.ReceptionAgent);
        return client;
    }

    private async Task<(string Nur, string LastName, DateOnly BirthDate, string Email)> SomeApplicantAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var demand = await db.Demands.Include(d => d.Members).Where(d => d.ContactEmail != null).OrderBy(d => d.Id).Skip(42).FirstAsync();
        var applicant = demand.Members.Single(m => m.Role == HouseholdRole.Applicant);
        return (demand.Nur, applicant.LastName, applicant.BirthDate, demand.ContactEmail!);
    }

    private async Task<(string Nur, string Code)> DemoApplicantAsync(CilPortalWebFactory? other = null)
    {
        using var scope = (other ?? factory).Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var id = (await db.Users.SingleAsync(u => u.Email == DemoAccounts.Applicant)).LinkedDemandId;
        return (await db.Demands.Where(d => d.Id == id).Select(d => d.Nur).SingleAsync(), DemoAccounts.ApplicantAccessCode);
    }

    private async Task<int> AgentPlaceAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var agent = await db.Users.SingleAsync(u => u.Email == DemoAccounts.ReceptionAgent);
        return await db.ReceptionAgentAssignments.Where(a => a.UserId == agent.Id).Select(a => a.ReceptionPointId).FirstAsync();
    }

    private async Task<int> LogCountAsync(string nur)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var id = await db.Demands.Where(d => d.Nur == nur).Select(d => d.Id).SingleAsync();
        return await db.DemandAccessLogs.CountAsync(l => l.DemandId == id);
    }

    [GeneratedRegex("data-testid=\"access-code\">([^<]+)<")]
    private static partial Regex AccessCodePattern();
}
