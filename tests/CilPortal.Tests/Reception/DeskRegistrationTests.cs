using System.Globalization;
using System.Net;
using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Demands;
using CilPortal.Infrastructure.Importers;
using CilPortal.Infrastructure.Reception;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Infrastructure.Time;
using CilPortal.Tests.Import;
using CilPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Reception;

/// <summary>Demands registered at a desk of the portal (« guichet »), when the portal is the territory's shared file.</summary>
public class DeskRegistrationTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    private const string Url = "/gestion/accueil/nouvelle-demande";

    [Fact]
    public async Task An_agent_registers_a_demand_at_a_desk_and_the_applicant_gets_a_number_an_event_a_score_and_a_sheet()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(DemoAccounts.ReceptionAgent);
        var desk = await DeskAsync();
        var today = factory.Services.GetRequiredService<ParisClock>().Today;

        var response = await client.PostFormAsync(Url, Form(desk, "Desbois", "Maëlle", new DateOnly(1988, 6, 14), extra: new()
        {
            ["Input.CoHolder.LastName"] = "Desbois",
            ["Input.CoHolder.FirstName"] = "Karim",
            ["Input.CoHolder.BirthDate"] = "1986-01-30",
            ["Input.Dependants[0].FirstName"] = "Inès",
            ["Input.Dependants[0].LastName"] = "Desbois",
            ["Input.Dependants[0].BirthDate"] = "2019-09-01",
            ["Input.Resources[1].Code"] = "AF",
            ["Input.Resources[1].MonthlyAmount"] = "148,52",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/gestion/accueil/demandes/", location, StringComparison.Ordinal);
        var nur = location["/gestion/accueil/demandes/".Length..location.IndexOf('?', StringComparison.Ordinal)];
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var demand = await db.Demands.AsNoTracking().AsSplitQuery().Include(d => d.Members).Include(d => d.Resources).Include(d => d.WishedCommunes).Include(d => d.Events)
            .SingleAsync(d => d.Nur == nur);
        Assert.Equal(DemandSource.Desk, demand.Source);
        Assert.Equal(desk, demand.ReceptionPointId);
        Assert.Equal((today, today.AddYears(1)), (demand.FiledOn, demand.ExpiresOn));
        Assert.Equal(Nur.MonthPrefix("111", today), nur[..7]);
        Assert.Equal('G', nur[13]);
        Assert.Equal(3, demand.Members.Count);
        Assert.Equal([("SAL", 1520m), ("AF", 148.52m)], demand.Resources.OrderByDescending(r => r.MonthlyAmount).Select(r => (r.Code, r.MonthlyAmount)));
        Assert.Equal(TypologySetOf("T2", "T3"), demand.WishedTypologies);
        Assert.Equal(2, demand.WishedCommunes.Count);
        Assert.Contains(demand.Events, e => e.Kind == DemandEventKind.Registered && e.Detail!.Contains("Maison de l'habitat", StringComparison.Ordinal));
        Assert.True(await db.DemandScores.AnyAsync(s => s.DemandId == demand.Id));
        Assert.True(await db.DemandAccessLogs.AnyAsync(l => l.DemandId == demand.Id && l.Action == "enregistrement-guichet" && l.UserName == DemoAccounts.ReceptionAgent));

        // The agent lands on the demand, then prints the sheet with a new access code.
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(location, UriKind.Relative)));
        Assert.Contains($"Demande enregistrée sous le n° {nur}", page, StringComparison.Ordinal);
        var sheet = WebUtility.HtmlDecode(await (await client.PostFormAsync($"/gestion/accueil/demandes/{nur}/fiche?motif=Reception", new Dictionary<string, string>())).Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"access-code\"", sheet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_gets_french_messages_by_field_and_writes_nothing()
    {
        var client = factory.CreateClient();
        await client.SignInAsync(DemoAccounts.ReceptionAgent);
        var desk = await DeskAsync();
        var before = await CountAsync();
        var tomorrow = factory.Services.GetRequiredService<ParisClock>().Today.AddDays(1);

        var response = await client.PostFormAsync(Url, Form(desk, "", "Paul", tomorrow, extra: new()
        {
            ["Input.CurrentRent"] = "-300",
            ["Input.Resources[0].MonthlyAmount"] = "mille",
            ["Input.Resources[1].Code"] = "",
            ["Input.Resources[2].Code"] = "XYZ",
            ["Input.Dependants[0].FirstName"] = "",
            ["Input.Dependants[1].FirstName"] = "Léo",
            ["Input.Email"] = "pas-une-adresse",
            ["Input.WishedCommunes"] = "",
            ["Input.WishedTypologies"] = "",
        }));

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("La demande n'a pas été enregistrée", html, StringComparison.Ordinal);
        Assert.Contains("Indiquez le nom du demandeur.", html, StringComparison.Ordinal);
        Assert.Contains("Le loyer actuel est un montant en euros", html, StringComparison.Ordinal);
        Assert.Contains("Le montant de la ressource 1 est un montant en euros", html, StringComparison.Ordinal);
        Assert.Contains("Ressource 3 : choisissez la nature de la ressource.", html, StringComparison.Ordinal);
        Assert.Contains("Indiquez le nom de la personne à charge.", html, StringComparison.Ordinal);
        Assert.Contains("Saisissez une adresse e-mail valide", html, StringComparison.Ordinal);
        Assert.Contains("Choisissez au moins une commune souhaitée.", html, StringComparison.Ordinal);
        Assert.Contains("Choisissez au moins un type de logement souhaité.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Paul\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());

        // Only the registration rules are left: they speak as the SNE import does.
        var future = WebUtility.HtmlDecode(await (await client.PostFormAsync(Url, Form(desk, "Roux", "Paul", tomorrow))).Content.ReadAsStringAsync());
        Assert.Contains("La date de naissance est dans le futur.", future, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Applicant_BirthDate\"", future, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task The_desk_and_the_sne_import_refuse_the_same_demand_with_the_same_words()
    {
        var client = factory.CreateClient();
        await client.SignInAsync(DemoAccounts.ReceptionAgent);
        var today = factory.Services.GetRequiredService<ParisClock>().Today;
        var future = today.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var xml = SneFiles.WithDemands(SneFiles.Nur("1110318099999G1104", d => ReplaceFirstBirthDate(d, future)));

        using var scope = factory.Services.CreateScope();
        var report = await scope.ServiceProvider.GetRequiredService<SneImporter>().ImportAsync(SneFiles.Stream(xml), today);
        var desk = WebUtility.HtmlDecode(await (await client.PostFormAsync(Url, Form(await DeskAsync(), "Roux", "Paul", today.AddDays(10)))).Content.ReadAsStringAsync());

        var importMessage = Assert.Single(report.Errors, e => e.Element.EndsWith("dateNaissance", StringComparison.Ordinal)).Message;
        Assert.Equal("la date de naissance est dans le futur.", importMessage);
        Assert.Contains("La date de naissance est dans le futur.", desk, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_with_an_active_demand_cannot_get_a_second_one()
    {
        var client = factory.CreateClient();
        await client.SignInAsync(DemoAccounts.ReceptionAgent);
        string nur, lastName, firstName;
        DateOnly birth;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            var today = scope.ServiceProvider.GetRequiredService<ParisClock>().Today;
            var demand = await db.Demands.ActiveOn(today).Include(d => d.Members).OrderBy(d => d.Id).Skip(7).FirstAsync();
            var applicant = demand.Members.Single(m => m.Role == HouseholdRole.Applicant);
            (nur, lastName, firstName, birth) = (demand.Nur, applicant.LastName, applicant.FirstName, applicant.BirthDate);
        }

        var before = await CountAsync();
        var html = WebUtility.HtmlDecode(await (await client.PostFormAsync(Url, Form(await DeskAsync(), lastName.ToUpperInvariant(), firstName, birth))).Content.ReadAsStringAsync());

        Assert.Contains($"Une demande active existe déjà pour cette personne (n° {nur})", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/gestion/accueil/demandes/{nur}?motif=Reception\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Two_desks_registering_at_the_same_moment_get_two_different_numbers()
    {
        var desk = await DeskAsync();
        var today = factory.Services.GetRequiredService<ParisClock>().Today;

        async Task<string> RegisterAsync(string lastName)
        {
            using var scope = factory.Services.CreateScope();
            var demand = new Demand { CurrentHousing = HousingSituation.PrivateTenant };
            demand.Members.Add(new HouseholdMember { Role = HouseholdRole.Applicant, LastName = lastName, FirstName = "Test", BirthDate = new DateOnly(1970, 1, 1) });
            var result = await scope.ServiceProvider.GetRequiredService<DeskRegistration>().RegisterAsync(demand, desk, today);
            return Assert.IsType<Demand>(result.Demand).Nur;
        }

        var numbers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => RegisterAsync($"Concurrent{i}")));

        Assert.Equal(4, numbers.Distinct().Count());
    }

    [Fact]
    public async Task An_agent_without_a_registration_desk_and_staff_of_other_roles_cannot_register()
    {
        using var own = new CilPortalWebFactory();
        using (var scope = own.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            var agent = await db.Users.SingleAsync(u => u.Email == DemoAccounts.ReceptionAgent);
            var desks = await db.ReceptionPoints.ToListAsync();
            db.ReceptionAgentAssignments.RemoveRange(db.ReceptionAgentAssignments.Where(a => a.UserId == agent.Id));
            db.ReceptionAgentAssignments.Add(new ReceptionAgentAssignment { UserId = agent.Id, ReceptionPointId = desks.First(d => !d.IsRegistrationDesk).Id });
            await db.SaveChangesAsync();
        }

        var client = own.CreateClient();
        await client.SignInAsync(DemoAccounts.ReceptionAgent);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(Url, UriKind.Relative)));
        Assert.Contains("data-testid=\"no-desk\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"desk-demand-form\"", page, StringComparison.Ordinal);

        var bailleur = own.CreateClient(new() { AllowAutoRedirect = false });
        await bailleur.SignInAsync(DemoAccounts.BailleurAgent1);
        var denied = await bailleur.GetAsync(new Uri(Url, UriKind.Relative));
        Assert.Contains("/compte/acces-refuse", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Where_the_sne_is_the_shared_file_the_desk_is_sent_to_it_and_a_post_writes_nothing()
    {
        using var off = new RegistrationOffFactory();
        var client = off.CreateClient();
        await client.SignInAsync(DemoAccounts.ReceptionAgent);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(Url, UriKind.Relative)));
        var hub = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/gestion/accueil", UriKind.Relative)));
        var token = await client.TokenAsync("/gestion/accueil/recherche");
        using var post = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Applicant.LastName"] = "X" });
        var posted = await client.PostAsync(new Uri(Url, UriKind.Relative), post);

        Assert.Contains("data-testid=\"registration-disabled\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"new-demand-link\"", hub, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
    }

    /// <summary>A complete form (two wished communes and typologies); <paramref name="extra"/> replaces or adds fields.</summary>
    private static List<KeyValuePair<string, string>> Form(int desk, string lastName, string firstName, DateOnly birthDate, Dictionary<string, string>? extra = null)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("Input.ReceptionPointId", desk.ToString(CultureInfo.InvariantCulture)),
            new("Input.Applicant.LastName", lastName),
            new("Input.Applicant.FirstName", firstName),
            new("Input.Applicant.BirthDate", birthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("Input.CurrentHousing", nameof(HousingSituation.PrivateTenant)),
            new("Input.CurrentRent", "640"),
            new("Input.CurrentOccupants", "3"),
            new("Input.ReferenceIncomeN2", "18 250"),
            new("Input.Resources[0].Code", "SAL"),
            new("Input.Resources[0].MonthlyAmount", "1 520"),
            new("Input.WishedTypologies", "T2"),
            new("Input.WishedTypologies", "T3"),
            new("Input.WishedCommunes", "11262"),
            new("Input.WishedCommunes", "11106"),
            new("Input.MaxRent", "550"),
        };
        foreach (var (key, value) in extra ?? [])
        {
            form.RemoveAll(kv => kv.Key == key);
            form.Add(new(key, value));
        }

        return form;
    }

    private static CilPortal.Domain.Stock.TypologySet TypologySetOf(params string[] names) =>
        names.Aggregate(CilPortal.Domain.Stock.TypologySet.None, (all, n) => all | Enum.Parse<CilPortal.Domain.Stock.TypologySet>(n));

    private static string ReplaceFirstBirthDate(string demand, string date)
    {
        var start = demand.IndexOf("<ns1:dateNaissance>", StringComparison.Ordinal) + "<ns1:dateNaissance>".Length;
        var end = demand.IndexOf("</ns1:dateNaissance>", start, StringComparison.Ordinal);
        return demand[..start] + date + demand[end..];
    }

    private async Task<int> DeskAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var agent = await db.Users.SingleAsync(u => u.Email == DemoAccounts.ReceptionAgent);
        var mine = await db.ReceptionAgentAssignments.Where(a => a.UserId == agent.Id).Select(a => a.ReceptionPointId).ToListAsync();
        return (await db.ReceptionPoints.Where(r => mine.Contains(r.Id)).ToListAsync()).First(r => r.IsRegistrationDesk).Id;
    }

    private async Task<int> CountAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CilPortalDbContext>().Demands.CountAsync();
    }

    private sealed class RegistrationOffFactory : CilPortalWebFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["DemandRegistration:Enabled"] = "false" };
    }
}
