using System.Net;
using CilPortal.Domain.Partners;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Epci;

/// <summary>The EPCI's reference-data pages: QPV import, bailleurs, réservataires.</summary>
public sealed class ReferenceDataPagesTests : IDisposable
{
    private readonly CilPortalWebFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task The_qpv_page_imports_a_list_then_contours_and_refuses_bad_files_in_french()
    {
        var client = await ClientAsync();

        var imported = await client.UploadFileAsync("/gestion/epci/qpv/import", "code;nom;commune\nQP011008;Narbonne Centre historique;11262\n", "qpv.csv");

        Assert.Contains("data-testid=\"import-success\"", imported, StringComparison.Ordinal);
        Assert.Contains("1 QPV lu(s) : 0 créé(s), 1 mis à jour.", imported, StringComparison.Ordinal);
        Assert.Contains("absent(s) du fichier conservé(s)", imported, StringComparison.Ordinal);
        Assert.Equal("Narbonne Centre historique", await WithDbAsync(db => db.Qpvs.Where(q => q.Code == "QP011008").Select(q => q.Name).SingleAsync()));

        var refused = await client.UploadFileAsync("/gestion/epci/qpv/import", "code;nom;commune\nQP011008;Autre nom;11069\n", "qpv.csv");
        Assert.Contains("Import refusé : rien n'a été enregistré", refused, StringComparison.Ordinal);
        Assert.Contains("Ligne 2 (QP011008), commune", refused, StringComparison.Ordinal);

        const string contours = """{ "type": "FeatureCollection", "features": [ { "type": "Feature", "properties": { "code_qp": "QP011008" }, "geometry": { "type": "Polygon", "coordinates": [ [ [3.0, 43.18], [3.01, 43.18], [3.01, 43.19], [3.0, 43.18] ] ] } } ] }""";
        var shapes = await client.UploadFileAsync("/gestion/epci/qpv/import?handler=Contours", contours, "qpv.geojson", "application/geo+json", "Contours");
        Assert.Contains("1 contour(s) lu(s) : 1 QPV mis à jour.", shapes, StringComparison.Ordinal);
        Assert.Contains("[3.01,43.19]", (await WithDbAsync(db => db.Qpvs.Where(q => q.Code == "QP011008").Select(q => q.ContourGeoJson).SingleAsync()))!.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var notJson = await client.UploadFileAsync("/gestion/epci/qpv/import?handler=Contours", "pas du JSON", "qpv.geojson", "application/geo+json", "Contours");
        Assert.Contains("Fichier, format : le fichier n'est pas un JSON valide", notJson, StringComparison.Ordinal);

        var tooBig = await client.UploadFileAsync("/gestion/epci/qpv/import?handler=Contours", new string(' ', (10 * 1024 * 1024) + 1), "qpv.geojson", "application/geo+json", "Contours");
        Assert.Contains("Le fichier dépasse 10 Mo", tooBig, StringComparison.Ordinal);

        var none = await client.UploadFileAsync("/gestion/epci/qpv/import", "", "vide.csv");
        Assert.Contains("Choisissez un fichier CSV de QPV.", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_administrator_creates_and_renames_a_bailleur_and_bad_input_is_refused_in_french()
    {
        var client = await ClientAsync();

        var created = await client.PostFormAsync("/gestion/epci/bailleurs", new Dictionary<string, string> { ["Input.Name"] = "Nouveau Logis", ["Input.Kind"] = "Esh", ["Input.Siren"] = "241 100 593" });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("Le bailleur « Nouveau Logis » est enregistré.", WebUtility.HtmlDecode(await created.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var bailleur = await WithDbAsync(db => db.Bailleurs.AsNoTracking().SingleAsync(b => b.Name == "Nouveau Logis"));
        Assert.Equal((BailleurKind.Esh, "241100593"), (bailleur.Kind, bailleur.Siren));

        await client.PostFormAsync("/gestion/epci/bailleurs", new Dictionary<string, string> { ["Input.Id"] = $"{bailleur.Id}", ["Input.RowVersion"] = $"{bailleur.RowVersion}", ["Input.Name"] = "Nouveau Logis Sud", ["Input.Kind"] = "Oph", ["Input.Siren"] = "" });
        var renamed = await WithDbAsync(db => db.Bailleurs.AsNoTracking().SingleAsync(b => b.Id == bailleur.Id));
        Assert.Equal(("Nouveau Logis Sud", BailleurKind.Oph, (string?)null), (renamed.Name, renamed.Kind, renamed.Siren));

        var count = await WithDbAsync(db => db.Bailleurs.CountAsync());
        var bad = await client.PostFormAsync("/gestion/epci/bailleurs", new Dictionary<string, string> { ["Input.Name"] = "garrigue habitat", ["Input.Kind"] = "99", ["Input.Siren"] = "241100594" });
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("data-testid=\"form-errors\"", html, StringComparison.Ordinal);
        Assert.Contains("Un autre bailleur porte déjà ce nom.", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_Kind\">", html, StringComparison.Ordinal);
        Assert.Contains("Le SIREN compte 9 chiffres et sa clé de contrôle doit être juste", html, StringComparison.Ordinal);
        var garbage = await client.PostFormAsync("/gestion/epci/bailleurs", new Dictionary<string, string> { ["Input.Name"] = "", ["Input.Kind"] = "n'importe quoi" });
        Assert.Equal(HttpStatusCode.OK, garbage.StatusCode);
        Assert.Contains("Donnez le nom du bailleur.", WebUtility.HtmlDecode(await garbage.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(count, await WithDbAsync(db => db.Bailleurs.CountAsync()));
    }

    [Fact]
    public async Task A_reservataire_names_its_bailleur_or_its_epci_commune_and_bad_input_is_refused_in_french()
    {
        var client = await ClientAsync();
        var bailleurId = await WithDbAsync(db => db.Bailleurs.Select(b => b.Id).FirstAsync());
        var count = await WithDbAsync(db => db.Reservataires.CountAsync());

        var missing = WebUtility.HtmlDecode(await (await client.PostFormAsync("/gestion/epci/reservataires", new Dictionary<string, string>
        {
            ["Input.Name"] = "Flux sans bailleur", ["Input.Kind"] = "Bailleur", ["Input.BailleurId"] = "",
        })).Content.ReadAsStringAsync());
        Assert.Contains("Pour le flux propre d'un bailleur, choisissez le bailleur.", missing, StringComparison.Ordinal);
        var outside = WebUtility.HtmlDecode(await (await client.PostFormAsync("/gestion/epci/reservataires", new Dictionary<string, string>
        {
            ["Input.Name"] = "Ville de Carcassonne", ["Input.Kind"] = "Commune", ["Input.CommuneInseeCode"] = "11069",
        })).Content.ReadAsStringAsync());
        Assert.Contains("choisissez une commune de l'intercommunalité", outside, StringComparison.Ordinal);
        var duplicate = WebUtility.HtmlDecode(await (await client.PostFormAsync("/gestion/epci/reservataires", new Dictionary<string, string>
        {
            ["Input.Name"] = "contingent préfectoral", ["Input.Kind"] = "Prefet",
        })).Content.ReadAsStringAsync());
        Assert.Contains("Un autre réservataire porte déjà ce nom.", duplicate, StringComparison.Ordinal);
        Assert.Equal(count, await WithDbAsync(db => db.Reservataires.CountAsync()));

        await client.PostFormAsync("/gestion/epci/reservataires", new Dictionary<string, string>
        {
            ["Input.Name"] = "Ville de Narbonne", ["Input.Kind"] = "Commune", ["Input.CommuneInseeCode"] = "11262", ["Input.BailleurId"] = $"{bailleurId}",
        });
        var commune = await WithDbAsync(db => db.Reservataires.AsNoTracking().SingleAsync(r => r.Name == "Ville de Narbonne"));
        Assert.Equal((ReservataireKind.Commune, "11262", (int?)null), (commune.Kind, commune.CommuneInseeCode, commune.BailleurId));

        await client.PostFormAsync("/gestion/epci/reservataires", new Dictionary<string, string>
        {
            ["Input.Id"] = $"{commune.Id}", ["Input.RowVersion"] = $"{commune.RowVersion}", ["Input.Name"] = "Flux propre réaffecté", ["Input.Kind"] = "Bailleur", ["Input.BailleurId"] = $"{bailleurId}", ["Input.CommuneInseeCode"] = "11262",
        });
        var changed = await WithDbAsync(db => db.Reservataires.AsNoTracking().SingleAsync(r => r.Id == commune.Id));
        Assert.Equal(("Flux propre réaffecté", ReservataireKind.Bailleur, (string?)null, (int?)bailleurId), (changed.Name, changed.Kind, changed.CommuneInseeCode, changed.BailleurId));
        var list = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/gestion/epci/reservataires", UriKind.Relative)));
        Assert.Contains("Bailleur (flux propre)", list, StringComparison.Ordinal);
        Assert.Contains("Préfet (contingent préfectoral)", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_epci_hub_links_to_the_three_pages()
    {
        var client = await ClientAsync();

        var hub = await client.GetStringAsync(new Uri("/gestion/epci", UriKind.Relative));

        foreach (var url in new[] { "/gestion/epci/qpv/import", "/gestion/epci/bailleurs", "/gestion/epci/reservataires" })
        {
            Assert.Contains($"href=\"{url}\"", hub, StringComparison.Ordinal);
        }
    }

    private async Task<HttpClient> ClientAsync()
    {
        var client = factory.CreateClient();
        await client.SignInAsync(DemoAccounts.EpciAdministrator);
        return client;
    }

    private async Task<T> WithDbAsync<T>(Func<CilPortalDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<CilPortalDbContext>());
    }
}
