using System.Net;
using CilPortal.Domain.Stock;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Web;

public class EpciAdministrationTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    [Fact]
    public async Task The_administrator_edits_a_reception_point_and_the_public_page_shows_it()
    {
        var client = await AdministratorAsync();
        var id = await PlaceIdAsync("Coursan");

        var response = await client.PostFormAsync($"/gestion/epci/lieux-accueil/modifier/{id}", PlaceForm(name: "Accueil logement de Coursan", tuesdayMorning: ("09:00", "11:30")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/lieux-accueil/{id}", UriKind.Relative)));
        Assert.Contains("<h1>Accueil logement de Coursan</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Mardi</th><td>9 h à 11 h 30</td>", page, StringComparison.Ordinal);
        Assert.Contains("Réunion d'équipe", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_refused_in_french_and_changes_nothing()
    {
        var client = await AdministratorAsync();
        var id = await PlaceIdAsync("Sigean");
        var form = PlaceForm(name: "", tuesdayMorning: ("11:00", "09:00"));
        form["Input.PostalCode"] = "ABC";
        form["Input.Closures[0].Reason"] = "";

        var response = await client.PostFormAsync($"/gestion/epci/lieux-accueil/modifier/{id}", form);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Saisissez le nom du lieu.", html, StringComparison.Ordinal);
        Assert.Contains("Le code postal compte 5 chiffres.", html, StringComparison.Ordinal);
        Assert.Contains("Mardi : l'heure de fermeture doit être après l'heure d'ouverture.", html, StringComparison.Ordinal);
        Assert.Contains("Fermeture 1 : indiquez la date de début, la date de fin et le motif.", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_Name\">", html, StringComparison.Ordinal);
        Assert.Equal(id, await PlaceIdAsync("Sigean"));
    }

    [Fact]
    public async Task A_new_plai_scale_makes_the_simulator_answer_for_plai()
    {
        var client = await AdministratorAsync();
        var form = ScaleForm(Financing.Plai, 2026, 13200);
        Dictionary<string, string> simulator = new() { ["Input.Adults"] = "1", ["Input.ReferenceIncome"] = "13000", ["Input.CommuneInseeCode"] = "11262" };
        var before = WebUtility.HtmlDecode(await (await client.PostFormAsync("/simulateur", simulator)).Content.ReadAsStringAsync());

        var saved = await client.PostFormAsync("/gestion/epci/plafonds/modifier", form);
        var duplicate = await client.PostFormAsync("/gestion/epci/plafonds/modifier", form);
        var simulation = WebUtility.HtmlDecode(await (await client.PostFormAsync("/simulateur", simulator)).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Un barème PLAI 2026 existe déjà pour cette zone", WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("Les plafonds PLAI de 2026", before, StringComparison.Ordinal);
        Assert.DoesNotContain("Les plafonds PLAI de 2026", simulation, StringComparison.Ordinal);
        Assert.Equal(3, simulation.Split("Oui, vous y avez droit").Length - 1);
    }

    [Fact]
    public async Task An_incoherent_scale_is_refused_and_not_saved()
    {
        var client = await AdministratorAsync();
        var form = ScaleForm(Financing.Plus, 2030, 20000);
        form["Input.Category3"] = "1500";

        var response = await client.PostFormAsync("/gestion/epci/plafonds/modifier", form);

        Assert.Contains("Le plafond de la catégorie 3 ne peut pas être inférieur à celui de la catégorie 2.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var scope = factory.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<CilPortalDbContext>().IncomeCeilingScales.AnyAsync(s => s.EffectiveFrom.Year == 2030));
    }

    [Fact]
    public async Task A_pls_scale_is_refused_since_pls_is_computed()
    {
        var client = await AdministratorAsync();

        var response = await client.PostFormAsync("/gestion/epci/plafonds/modifier", ScaleForm(Financing.Pls, 2031, 20000));

        Assert.Contains("Choisissez PLAI ou PLUS", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private async Task<HttpClient> AdministratorAsync()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(DemoAccounts.EpciAdministrator);
        return client;
    }

    private async Task<int> PlaceIdAsync(string nameEnd)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        return (await db.ReceptionPoints.ToListAsync()).Single(p => p.Name.EndsWith(nameEnd, StringComparison.Ordinal) || p.Name.Contains(nameEnd, StringComparison.Ordinal)).Id;
    }

    private static Dictionary<string, string> PlaceForm(string name, (string Opens, string Closes) tuesdayMorning)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.RowVersion"] = "0",
            ["Input.Address"] = "1 place de la Mairie",
            ["Input.PostalCode"] = "11110",
            ["Input.CommuneInseeCode"] = "11106",
            ["Input.OffersInformation"] = "true",
            ["Input.OffersRegistration"] = "true",
            ["Input.Phone"] = "04 65 71 10 03",
            ["Input.Closures[0].From"] = "2027-01-04",
            ["Input.Closures[0].To"] = "2027-01-04",
            ["Input.Closures[0].Reason"] = "Réunion d'équipe",
        };
        for (var i = 0; i < 7; i++)
        {
            form[$"Input.Days[{i}].Day"] = ((int)(DayOfWeek)((i + 1) % 7)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        form["Input.Days[1].MorningOpens"] = tuesdayMorning.Opens;
        form["Input.Days[1].MorningCloses"] = tuesdayMorning.Closes;
        return form;
    }

    private static Dictionary<string, string> ScaleForm(Financing financing, int year, int first) => new()
    {
        ["Input.Financing"] = financing.ToString(),
        ["Input.Zone"] = "OtherRegions",
        ["Input.Year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Category1"] = first.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Category2"] = (first + 5000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Category3"] = (first + 10000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Category4"] = (first + 15000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Category5"] = (first + 20000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Category6"] = (first + 25000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.PerExtraPerson"] = "3000",
    };
}
