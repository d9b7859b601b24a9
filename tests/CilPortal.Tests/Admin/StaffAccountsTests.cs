using System.Net;
using System.Text.RegularExpressions;
using CilPortal.Infrastructure.Audit;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Identity;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Admin;

/// <summary>Staff accounts created, deactivated, reactivated and reset by the EPCI administrator.</summary>
public partial class StaffAccountsTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    private const string Password = "Un-mot-de-passe-de-agent-2026";

    [Fact]
    public async Task The_administrator_creates_each_kind_of_staff_account_and_the_password_link_works_once()
    {
        var admin = await ClientAsync(DemoAccounts.EpciAdministrator);
        var (bailleurId, placeId) = await WithDbAsync(async db => (await db.Bailleurs.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync(), await db.ReceptionPoints.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/gestion/epci/utilisateurs/nouveau", Form("Awa Accueil", "awa.accueil@exemple.fr", Roles.ReceptionAgent, places: [placeId]))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/gestion/epci/utilisateurs/nouveau", Form("Bruno Bailleur", "bruno.bailleur@exemple.fr", Roles.BailleurAgent, bailleurId))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/gestion/epci/utilisateurs/nouveau", Form("Chloé Admin", "chloe.admin@exemple.fr", Roles.EpciAdministrator))).StatusCode);

        await WithDbAsync(async db =>
        {
            var reception = await db.Users.SingleAsync(u => u.Email == "awa.accueil@exemple.fr");
            Assert.Null(reception.BailleurId);
            Assert.Equal([placeId], await db.ReceptionAgentAssignments.Where(a => a.UserId == reception.Id).Select(a => a.ReceptionPointId).ToListAsync());
            Assert.Equal(bailleurId, (await db.Users.SingleAsync(u => u.Email == "bruno.bailleur@exemple.fr")).BailleurId);
            Assert.Equal(3, await db.OutboxMessages.CountAsync(m => m.Kind == "compte-agent"));
            var created = await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.UserCreated && e.SubjectId == reception.Id);
            Assert.Equal(DemoAccounts.EpciAdministrator, created.UserName);
            Assert.Contains("Agent d'accueil", created.After, StringComparison.Ordinal);
            return 0;
        });
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True(await users.IsInRoleAsync((await users.FindByEmailAsync("bruno.bailleur@exemple.fr"))!, Roles.BailleurAgent));
            Assert.True(await users.IsInRoleAsync((await users.FindByEmailAsync("chloe.admin@exemple.fr"))!, Roles.EpciAdministrator));
        }

        var list = WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri("/gestion/epci/utilisateurs", UriKind.Relative)));
        Assert.Contains("data-testid=\"account-bruno.bailleur@exemple.fr\"", list, StringComparison.Ordinal);
        Assert.Contains("pas encore choisi", list, StringComparison.Ordinal);

        // The link of the e-mail: a password once; the same link then answers that it is no longer valid.
        var link = await LinkAsync("awa.accueil@exemple.fr");
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        var set = WebUtility.HtmlDecode(await (await anonymous.PostFormAsync(link, new Dictionary<string, string> { ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password })).Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"password-set\"", set, StringComparison.Ordinal);
        var again = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri(link, UriKind.Relative)));
        Assert.Contains("data-testid=\"link-invalid\"", again, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"password-form\"", again, StringComparison.Ordinal);

        // The new agent signs in with it, and must set up two-factor authentication first.
        var agent = factory.CreateClient(new() { AllowAutoRedirect = false });
        var signedIn = await agent.PostFormAsync("/compte/connexion", new Dictionary<string, string> { ["Input.Email"] = "awa.accueil@exemple.fr", ["Input.Password"] = Password });
        Assert.Equal("/gestion", signedIn.Headers.Location?.OriginalString);
        Assert.Equal("/compte/double-authentification", (await agent.GetAsync(new Uri("/gestion/accueil", UriKind.Relative))).Headers.Location?.OriginalString);

        var bad = await anonymous.GetStringAsync(new Uri("/compte/mot-de-passe?utilisateur=nobody&code=%%%", UriKind.Relative));
        Assert.Contains("data-testid=\"link-invalid\"", bad, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_staff_forms_are_refused_in_french_and_create_nothing()
    {
        var admin = await ClientAsync(DemoAccounts.EpciAdministrator);
        var (bailleurId, placeId) = await WithDbAsync(async db => (await db.Bailleurs.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync(), await db.ReceptionPoints.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync()));
        var before = await WithDbAsync(db => db.Users.CountAsync());
        var mails = await WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == "compte-agent"));

        await AssertRefusedAsync(admin, Form("Sans Bailleur", "sans.bailleur@exemple.fr", Roles.BailleurAgent), "Choisissez le bailleur de cet agent.");
        await AssertRefusedAsync(admin, Form("Doublon", DemoAccounts.ReceptionAgent.ToUpperInvariant(), Roles.ReceptionAgent), "Cette adresse électronique a déjà un compte.");
        await AssertRefusedAsync(admin, Form("Accueil Bailleur", "accueil.bailleur@exemple.fr", Roles.ReceptionAgent, bailleurId), "Seul un agent bailleur est rattaché à un bailleur");
        await AssertRefusedAsync(admin, Form("Admin Lieux", "admin.lieux@exemple.fr", Roles.EpciAdministrator, places: [placeId]), "Seul un agent d'accueil travaille dans des lieux d'accueil");
        await AssertRefusedAsync(admin, Form("Demandeur", "demandeur.staff@exemple.fr", Roles.Applicant), "Choisissez un rôle de la liste.");
        await AssertRefusedAsync(admin, Form("", "pas-une-adresse", ""), "Saisissez une adresse électronique valable");
        await AssertRefusedAsync(admin, Form("Bailleur Inconnu", "inconnu@exemple.fr", Roles.BailleurAgent, 999_999), "Choisissez un bailleur de la liste.");
        var unparsable = Form("Bailleur Texte", "texte@exemple.fr", Roles.BailleurAgent);
        unparsable["Input.BailleurId"] = "abc";
        await AssertRefusedAsync(admin, unparsable, "Le compte n'a pas été créé");

        Assert.Equal(before, await WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(mails, await WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == "compte-agent")));
    }

    [Fact]
    public async Task Deactivation_ends_the_live_session_at_its_next_request_and_reactivation_lets_the_person_back()
    {
        var admin = await ClientAsync(DemoAccounts.EpciAdministrator);
        var agent = await ClientAsync(DemoAccounts.BailleurAgent2);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync(new Uri("/gestion/bailleur", UriKind.Relative))).StatusCode);
        var id = await UserIdAsync(DemoAccounts.BailleurAgent2);

        var done = await admin.PostFormAsync("/gestion/epci/utilisateurs", new Dictionary<string, string> { ["id"] = id }, "/gestion/epci/utilisateurs?handler=Deactivate");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        // The very next request of the live session: signed out, sent to the sign-in page.
        var next = await agent.GetAsync(new Uri("/gestion/bailleur", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("http://localhost/compte/connexion", next.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.GetAsync(new Uri("/gestion", UriKind.Relative))).StatusCode);
        var retry = WebUtility.HtmlDecode(await (await factory.CreateClient(new() { AllowAutoRedirect = false }).PostFormAsync("/compte/connexion",
            new Dictionary<string, string> { ["Input.Email"] = DemoAccounts.BailleurAgent2, ["Input.Password"] = CilPortalWebFactory.DemoPassword })).Content.ReadAsStringAsync());
        Assert.Contains("Adresse électronique ou mot de passe incorrect.", retry, StringComparison.Ordinal);

        var entry = await WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.UserDeactivated && e.SubjectId == id));
        Assert.Contains("\"actif\":true", entry.Before, StringComparison.Ordinal);
        Assert.Contains("\"actif\":false", entry.After, StringComparison.Ordinal);

        await admin.PostFormAsync("/gestion/epci/utilisateurs", new Dictionary<string, string> { ["id"] = id }, "/gestion/epci/utilisateurs?handler=Reactivate");
        var back = await ClientAsync(DemoAccounts.BailleurAgent2);
        Assert.Equal(HttpStatusCode.OK, (await back.GetAsync(new Uri("/gestion/bailleur", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_administrator_cannot_deactivate_their_own_account_and_other_staff_cannot_manage_accounts()
    {
        var admin = await ClientAsync(DemoAccounts.EpciAdministrator);
        var id = await UserIdAsync(DemoAccounts.EpciAdministrator);
        var refused = await admin.PostFormAsync("/gestion/epci/utilisateurs", new Dictionary<string, string> { ["id"] = id }, "/gestion/epci/utilisateurs?handler=Deactivate");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri("/gestion/epci/utilisateurs", UriKind.Relative)));
        Assert.Contains("Vous ne pouvez pas désactiver votre propre compte", page, StringComparison.Ordinal);
        Assert.True(await WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.IsActive).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/gestion/epci", UriKind.Relative))).StatusCode);

        var unknown = await admin.PostFormAsync("/gestion/epci/utilisateurs", new Dictionary<string, string> { ["id"] = "inconnu" }, "/gestion/epci/utilisateurs?handler=Deactivate");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Resetting_two_factor_sends_the_person_back_to_the_set_up_page()
    {
        var admin = await ClientAsync(DemoAccounts.EpciAdministrator);
        var id = await UserIdAsync(DemoAccounts.BailleurAgent1);
        await admin.PostFormAsync("/gestion/epci/utilisateurs", new Dictionary<string, string> { ["id"] = id }, "/gestion/epci/utilisateurs?handler=ResetTwoFactor");

        var agent = factory.CreateClient(new() { AllowAutoRedirect = false });
        var signedIn = await agent.PostFormAsync("/compte/connexion", new Dictionary<string, string> { ["Input.Email"] = DemoAccounts.BailleurAgent1, ["Input.Password"] = CilPortalWebFactory.DemoPassword });
        Assert.Equal("/gestion", signedIn.Headers.Location?.OriginalString);
        Assert.Equal("/compte/double-authentification", (await agent.GetAsync(new Uri("/gestion/bailleur", UriKind.Relative))).Headers.Location?.OriginalString);
        var entry = await WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.UserTwoFactorReset && e.SubjectId == id));
        Assert.Contains("\"doubleAuthentification\":true", entry.Before, StringComparison.Ordinal);
        Assert.Contains("\"doubleAuthentification\":false", entry.After, StringComparison.Ordinal);
    }

    private static async Task AssertRefusedAsync(HttpClient admin, Dictionary<string, string> form, string message)
    {
        var response = await admin.PostFormAsync("/gestion/epci/utilisateurs/nouveau", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Form(string name, string email, string role, int? bailleurId = null, int[]? places = null)
    {
        var form = new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Email"] = email, ["Input.Role"] = role, ["Input.BailleurId"] = bailleurId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "" };
        foreach (var (place, i) in (places ?? []).Select((p, i) => (p, i)))
        {
            form[$"Input.Places[{i}]"] = place.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return form;
    }

    private async Task<string> LinkAsync(string email)
    {
        var body = await WithDbAsync(db => db.OutboxMessages.Where(m => m.To == email && m.Kind == "compte-agent").Select(m => m.TextBody).SingleAsync());
        var url = LinkPattern().Match(body);
        Assert.True(url.Success, body);
        return url.Groups[1].Value;
    }

    [GeneratedRegex(@"https?://[^/\s]+(/compte/mot-de-passe\?\S+)")]
    private static partial Regex LinkPattern();

    private async Task<HttpClient> ClientAsync(string email)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(email);
        return client;
    }

    private Task<string> UserIdAsync(string email) => WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private async Task<T> WithDbAsync<T>(Func<CilPortalDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<CilPortalDbContext>());
    }
}
