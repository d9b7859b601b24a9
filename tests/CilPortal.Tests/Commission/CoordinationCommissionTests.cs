using System.Globalization;
using System.Net;
using CilPortal.Domain.Commission;
using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Reception;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Infrastructure.Time;
using CilPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Commission;

public class CoordinationCommissionTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    private DateOnly Today => factory.Services.GetRequiredService<ParisClock>().Today;

    [Fact]
    public async Task An_administrator_opens_a_case_from_a_nur_works_on_it_in_a_session_and_closes_it()
    {
        var admin = await ClientAsync(DemoAccounts.EpciAdministrator);
        var (nur, applicant, demandId) = await SomeDemandAsync(40);

        var id = await OpenCaseAsync(admin, nur, "Avis d'imposition\nRapport social");
        var page = await GetAsync(admin, $"/gestion/epci/commission/{id}");
        Assert.Contains(nur, page, StringComparison.Ordinal);
        Assert.Contains(applicant, page, StringComparison.Ordinal);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            Assert.True(await db.DemandAccessLogs.AnyAsync(l => l.DemandId == demandId && l.Purpose == DemandAccessPurpose.Commission && l.Action == "commission" && l.UserName == DemoAccounts.EpciAdministrator));
        }

        await PostCaseAsync(admin, id, "action", new() { ["NewAction.Description"] = "Rechercher un T3 adapté.", ["NewAction.Owner"] = "Service habitat", ["NewAction.DueOn"] = Iso(Today.AddDays(10)) });
        int actionId;
        int firstDocument;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            var saved = await db.CoordinationCases.Include(c => c.Actions).Include(c => c.Documents).SingleAsync(c => c.Id == id);
            Assert.Equal(CaseStatus.InProgress, saved.Status);
            actionId = Assert.Single(saved.Actions).Id;
            firstDocument = saved.Documents.OrderBy(d => d.Id).First().Id;
            Assert.Equal(["Avis d'imposition", "Rapport social"], saved.Documents.OrderBy(d => d.Id).Select(d => d.Label));
        }

        await PostCaseAsync(admin, id, "documents", new() { ["received"] = firstDocument.ToString(CultureInfo.InvariantCulture) });
        var session = await admin.PostFormAsync("/gestion/epci/commission/seances/nouvelle", new Dictionary<string, string>
        {
            ["Input.HeldOn"] = Iso(Today),
            ["Input.Attendees"] = "Service habitat de l'intercommunalité\nCCAS",
            ["Input.Examined"] = id.ToString(CultureInfo.InvariantCulture),
            [$"Input.Decisions[{id}]"] = "Proposer le ménage au bailleur 1 sur le prochain T3 libéré.",
        });
        Assert.Equal("/gestion/epci/commission/seances", session.Headers.Location?.OriginalString);
        await PostCaseAsync(admin, id, "done", new(), $"&actionId={actionId}");
        await PostCaseAsync(admin, id, "close", new() { ["ClosingNote"] = "Ménage relogé : fin du suivi." });

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            var closed = await db.CoordinationCases.Include(c => c.Actions).Include(c => c.Documents).Include(c => c.Decisions).ThenInclude(d => d.Session).SingleAsync(c => c.Id == id);
            Assert.Equal((CaseStatus.Closed, Today, "Ménage relogé : fin du suivi."), (closed.Status, closed.ClosedOn!.Value, closed.ClosingNote!));
            Assert.Equal(Today, closed.Actions.Single().DoneOn);
            Assert.Equal([Today, null], closed.Documents.OrderBy(d => d.Id).Select(d => d.ReceivedOn));
            var decision = Assert.Single(closed.Decisions);
            Assert.Equal(["Service habitat de l'intercommunalité", "CCAS"], decision.Session!.Attendees);
        }

        var after = await GetAsync(admin, $"/gestion/epci/commission/{id}");
        Assert.Contains("Ménage relogé : fin du suivi.", after, StringComparison.Ordinal);
        Assert.Contains("Proposer le ménage au bailleur 1", after, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"action-form\"", after, StringComparison.Ordinal);
        var refused = await PostCaseAsync(admin, id, "action", new() { ["NewAction.Description"] = "Encore une.", ["NewAction.Owner"] = "Habitat", ["NewAction.DueOn"] = Iso(Today) }, expectRedirect: false);
        Assert.Contains("Ce dossier est clos : il ne reçoit plus d'action.", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_gets_a_french_message_and_writes_nothing()
    {
        var admin = await ClientAsync(DemoAccounts.EpciAdministrator);
        var (nur, _, _) = await SomeDemandAsync(41);
        var id = await OpenCaseAsync(admin, nur, null);
        var before = await CountsAsync();

        var unknown = await ReadAsync(await admin.PostFormAsync("/gestion/epci/commission/nouveau", new Dictionary<string, string>
        {
            ["Input.Nur"] = "011" + "1225" + "99999" + "9" + "12345",
            ["Input.Reason"] = "BlockedCase",
            ["Input.ReferringBody"] = "CCAS",
            ["Input.OpenedOn"] = Iso(Today),
        }));
        var malformed = await ReadAsync(await admin.PostFormAsync("/gestion/epci/commission/nouveau", new Dictionary<string, string>
        {
            ["Input.Nur"] = "123",
            ["Input.Reason"] = "999",
            ["Input.ReferringBody"] = "",
            ["Input.OpenedOn"] = "pas-une-date",
        }));
        var noNote = await PostCaseAsync(admin, id, "close", new() { ["ClosingNote"] = "  " }, expectRedirect: false);
        var early = await PostCaseAsync(admin, id, "action", new() { ["NewAction.Description"] = "Rechercher.", ["NewAction.Owner"] = "Habitat", ["NewAction.DueOn"] = Iso(Today.AddDays(-1)) }, expectRedirect: false);
        var garbage = await PostCaseAsync(admin, id, "action", new() { ["NewAction.Description"] = "Rechercher.", ["NewAction.Owner"] = "Habitat", ["NewAction.DueOn"] = "demain" }, expectRedirect: false);
        var stranger = await PostCaseAsync(admin, id, "invite", new() { ["InviteUserId"] = "pas-un-agent" }, expectRedirect: false);
        var emptySession = await ReadAsync(await admin.PostFormAsync("/gestion/epci/commission/seances/nouvelle", new Dictionary<string, string>
        {
            ["Input.HeldOn"] = Iso(Today.AddDays(3)),
            ["Input.Attendees"] = "",
            ["Input.Examined"] = id.ToString(CultureInfo.InvariantCulture),
        }));

        Assert.Contains("Aucune demande ne porte le numéro 011122599999912345.", unknown, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"form-errors\"", malformed, StringComparison.Ordinal);
        Assert.Contains("La valeur « pas-une-date » n'est pas valable", malformed, StringComparison.Ordinal);
        Assert.Contains("Indiquez l'organisme qui saisit la commission.", malformed, StringComparison.Ordinal);
        Assert.Contains("Indiquez la note de clôture", noNote, StringComparison.Ordinal);
        Assert.Contains("L'échéance ne peut pas précéder l'ouverture du dossier.", early, StringComparison.Ordinal);
        Assert.Contains("La valeur « demain » n'est pas valable", garbage, StringComparison.Ordinal);
        Assert.Contains("Choisissez un agent d'accueil ou un agent bailleur de la liste.", stranger, StringComparison.Ordinal);
        Assert.Contains("La date de la séance ne peut pas être dans le futur", emptySession, StringComparison.Ordinal);
        Assert.Contains("Indiquez les participants, un par ligne.", emptySession, StringComparison.Ordinal);
        Assert.Contains($"Dossier n° {id} : indiquez la décision prise.", emptySession, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
        using var scope = factory.Services.CreateScope();
        Assert.Equal(CaseStatus.Open, (await scope.ServiceProvider.GetRequiredService<CilPortalDbContext>().CoordinationCases.SingleAsync(c => c.Id == id)).Status);
    }

    [Fact]
    public async Task A_case_is_seen_by_administrators_and_invited_agents_only_and_others_get_404()
    {
        var admin = await ClientAsync(DemoAccounts.EpciAdministrator);
        var (nur, applicant, _) = await SomeDemandAsync(42);
        var id = await OpenCaseAsync(admin, nur, null);
        var reception = await ClientAsync(DemoAccounts.ReceptionAgent);
        var bailleur1 = await ClientAsync(DemoAccounts.BailleurAgent1);
        var bailleur2 = await ClientAsync(DemoAccounts.BailleurAgent2);
        var caseUrl = new Uri($"/gestion/epci/commission/{id}", UriKind.Relative);

        foreach (var agent in new[] { reception, bailleur1, bailleur2 })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync(caseUrl)).StatusCode);
            Assert.DoesNotContain(applicant, await GetAsync(agent, "/gestion/epci/commission"), StringComparison.Ordinal);
        }

        await PostCaseAsync(admin, id, "invite", new() { ["InviteUserId"] = await UserIdAsync(DemoAccounts.ReceptionAgent) });
        await PostCaseAsync(admin, id, "invite", new() { ["InviteUserId"] = await UserIdAsync(DemoAccounts.BailleurAgent1) });

        foreach (var agent in new[] { reception, bailleur1 })
        {
            Assert.Contains(applicant, await GetAsync(agent, $"/gestion/epci/commission/{id}"), StringComparison.Ordinal);
            Assert.Contains(applicant, await GetAsync(agent, "/gestion/epci/commission"), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await bailleur2.GetAsync(caseUrl)).StatusCode);
        Assert.DoesNotContain(applicant, await GetAsync(bailleur2, "/gestion/epci/commission"), StringComparison.Ordinal);

        // An uninvited agent posting to the case gets the same 404; an invited one may not change what only administrators change.
        var uninvited = await bailleur2.PostAsync(new Uri($"/gestion/epci/commission/{id}?handler=close", UriKind.Relative), new FormUrlEncodedContent([new("ClosingNote", "Clos.")]));
        Assert.NotEqual(HttpStatusCode.OK, uninvited.StatusCode);
        var forbidden = await reception.PostFormAsync($"/gestion/epci/commission/{id}", new Dictionary<string, string> { ["ClosingNote"] = "Clos." }, $"/gestion/epci/commission/{id}?handler=close");
        Assert.StartsWith("/compte/acces-refuse", LocationOf(forbidden), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await reception.GetAsync(new Uri("/gestion/epci/commission/nouveau", UriKind.Relative))).StatusCode);
        using var scope = factory.Services.CreateScope();
        Assert.Equal(CaseStatus.Open, (await scope.ServiceProvider.GetRequiredService<CilPortalDbContext>().CoordinationCases.SingleAsync(c => c.Id == id)).Status);
    }

    [Fact]
    public async Task An_invited_agent_marks_their_own_action_done_and_no_other()
    {
        var admin = await ClientAsync(DemoAccounts.EpciAdministrator);
        var (nur, _, _) = await SomeDemandAsync(43);
        var id = await OpenCaseAsync(admin, nur, null);
        var agentId = await UserIdAsync(DemoAccounts.ReceptionAgent);
        await PostCaseAsync(admin, id, "invite", new() { ["InviteUserId"] = agentId });
        await PostCaseAsync(admin, id, "action", new() { ["NewAction.Description"] = "Recevoir le ménage.", ["NewAction.Owner"] = "Agent d'accueil", ["NewAction.OwnerUserId"] = agentId, ["NewAction.DueOn"] = Iso(Today.AddDays(5)) });
        await PostCaseAsync(admin, id, "action", new() { ["NewAction.Description"] = "Chercher un logement.", ["NewAction.Owner"] = "Service habitat", ["NewAction.DueOn"] = Iso(Today.AddDays(5)) });
        int own, other;
        using (var scope = factory.Services.CreateScope())
        {
            var actions = await scope.ServiceProvider.GetRequiredService<CilPortalDbContext>().CaseActions.Where(a => a.CaseId == id).ToListAsync();
            own = actions.Single(a => a.OwnerUserId == agentId).Id;
            other = actions.Single(a => a.OwnerUserId == null).Id;
        }

        var reception = await ClientAsync(DemoAccounts.ReceptionAgent);
        var page = await GetAsync(reception, $"/gestion/epci/commission/{id}");
        Assert.Contains($"data-testid=\"done-{own}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-testid=\"done-{other}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"close-form\"", page, StringComparison.Ordinal);
        await PostCaseAsync(reception, id, "done", new(), $"&actionId={own}");
        var refused = await reception.PostFormAsync($"/gestion/epci/commission/{id}", new Dictionary<string, string>(), $"/gestion/epci/commission/{id}?handler=done&actionId={other}");
        Assert.StartsWith("/compte/acces-refuse", LocationOf(refused), StringComparison.Ordinal);

        using var check = factory.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        Assert.Equal((DemoAccounts.ReceptionAgent, (DateOnly?)Today), await db.CaseActions.Where(a => a.Id == own).Select(a => ValueTuple.Create(a.DoneBy!, a.DoneOn)).SingleAsync());
        Assert.Null((await db.CaseActions.SingleAsync(a => a.Id == other)).DoneOn);
    }

    [Fact]
    public async Task The_list_filters_by_status_and_reason_and_marks_overdue_actions()
    {
        var admin = await ClientAsync(DemoAccounts.EpciAdministrator);

        var all = await GetAsync(admin, "/gestion/epci/commission");
        var dalo = await GetAsync(admin, "/gestion/epci/commission?motif=DaloFollowUp&statut=Closed");
        var open = await GetAsync(admin, "/gestion/epci/commission?statut=Open");
        var nonsense = await GetAsync(admin, "/gestion/epci/commission?statut=%3Cscript%3E&motif=42");

        // The demo has a blocked case with an action past its date, and a closed DALO follow-up.
        Assert.Contains("data-testid=\"overdue-", all, StringComparison.Ordinal);
        Assert.Contains("· Suivi DALO ·", dalo, StringComparison.Ordinal);
        Assert.DoesNotContain("· Situation bloquée ·", dalo, StringComparison.Ordinal);
        Assert.Contains("· Situation bloquée ·", all, StringComparison.Ordinal);
        Assert.Contains("class=\"tag\">Clos<", all, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"tag\">Clos<", open, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"cases\"", nonsense, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_applicants_are_refused()
    {
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var url in new[] { "/gestion/epci/commission", "/gestion/epci/commission/1", "/gestion/epci/commission/seances/nouvelle" })
        {
            var response = await anonymous.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/compte/connexion", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        var applicant = await ClientAsync(DemoAccounts.Applicant);
        var refused = await applicant.GetAsync(new Uri("/gestion/epci/commission/1", UriKind.Relative));
        Assert.StartsWith("/compte/acces-refuse", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static string LocationOf(HttpResponseMessage response) =>
        response.Headers.Location is { } location ? (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString) : "";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<string> ReadAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected the form again, got {response.StatusCode}.");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return await ReadAsync(response);
    }

    private async Task<HttpClient> ClientAsync(string account)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var signedIn = await client.SignInAsync(account);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    /// <summary>Opens a case as the administrator and returns its id.</summary>
    private async Task<int> OpenCaseAsync(HttpClient admin, string nur, string? checklist)
    {
        var response = await admin.PostFormAsync("/gestion/epci/commission/nouveau", new Dictionary<string, string>
        {
            ["Input.Nur"] = nur,
            ["Input.Reason"] = "BlockedCase",
            ["Input.ReferringBody"] = "CCAS de Narbonne (test)",
            ["Input.OpenedOn"] = Iso(Today),
            ["Input.Checklist"] = checklist ?? "",
        });
        var location = response.Headers.Location?.OriginalString ?? "";
        Assert.StartsWith("/gestion/epci/commission/", location, StringComparison.Ordinal);
        return int.Parse(location["/gestion/epci/commission/".Length..], CultureInfo.InvariantCulture);
    }

    /// <summary>Posts one of the case page's forms; expects the redirect of a success, or returns the page with its errors.</summary>
    private static async Task<string> PostCaseAsync(HttpClient client, int id, string handler, Dictionary<string, string> fields, string query = "", bool expectRedirect = true)
    {
        var url = $"/gestion/epci/commission/{id}";
        var response = await client.PostFormAsync(url, fields, $"{url}?handler={handler}{query}");
        if (expectRedirect)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == url,
                $"{handler}: {response.StatusCode} {ErrorsOf(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()))}");
            return "";
        }

        return await ReadAsync(response);
    }

    private static string ErrorsOf(string html)
    {
        var start = html.IndexOf("data-testid=\"form-errors\"", StringComparison.Ordinal);
        return start < 0 ? "" : html[start..Math.Min(html.Length, start + 600)];
    }

    private async Task<(string Nur, string Applicant, int DemandId)> SomeDemandAsync(int skip)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var demand = await db.Demands.Where(d => d.Status == DemandStatus.Active && !db.CoordinationCases.Any(c => c.DemandId == d.Id)).OrderBy(d => d.Id).Skip(100 + skip)
            .Select(d => new { d.Id, d.Nur, Name = d.Members.Where(m => m.Role == HouseholdRole.Applicant).Select(m => m.FirstName + " " + m.LastName).First() })
            .FirstAsync();
        return (demand.Nur, demand.Name, demand.Id);
    }

    private async Task<string> UserIdAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CilPortalDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<(int Cases, int Actions, int Sessions, int Decisions, int Invitations)> CountsAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        return (await db.CoordinationCases.CountAsync(), await db.CaseActions.CountAsync(), await db.CommissionSessions.CountAsync(), await db.CaseDecisions.CountAsync(), await db.CaseInvitations.CountAsync());
    }
}
