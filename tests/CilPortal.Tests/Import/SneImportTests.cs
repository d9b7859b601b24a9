using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Importers;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Tests.Support;
using CilPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Import;

public class SneImportTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Fact]
    public async Task The_real_example_imports_and_a_second_import_changes_nothing()
    {
        var first = await ImportAsync(SneFiles.Example);
        var second = await ImportAsync(SneFiles.Example);

        Assert.Equal((1, 1, 0, 0), (first.Read, first.Created, first.Updated, first.Unchanged));
        Assert.Equal((1, 0, 0, 1), (second.Read, second.Created, second.Updated, second.Unchanged));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var demand = await db.Demands.Include(d => d.Members).Include(d => d.Events).SingleAsync(d => d.Nur == SneFiles.ExampleNur);
        Assert.Equal(5, demand.Members.Count);
        Assert.Single(demand.Events);
        Assert.False(demand.IsFictional);
        Assert.Equal(30, await db.DemandResources.CountAsync(r => r.DemandId == demand.Id));

        // Scored in the same transaction as the import: filed in 2018, its seniority is at the cap.
        var score = await db.DemandScores.SingleAsync(s => s.DemandId == demand.Id);
        Assert.Contains(CilPortal.Infrastructure.Scoring.ScoringService.Deserialise(score.Breakdown), l => l.Code == "ANCIENNETE" && l.Points == 60);
    }

    [Fact]
    public async Task A_changed_demand_is_updated_in_place_with_a_dated_event()
    {
        const string nur = "1110318016982G2001";
        await ImportAsync(SneFiles.WithDemands(SneFiles.Nur(nur)));

        var report = await ImportAsync(SneFiles.WithDemands(SneFiles.Nur(nur, d => d.Replace("jean.dupont@yyyy.fr", "jean.dupont@exemple.fr", StringComparison.Ordinal))));

        Assert.Equal(1, report.Updated);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var demand = await db.Demands.Include(d => d.Events).Include(d => d.Members).SingleAsync(d => d.Nur == nur);
        Assert.Equal("jean.dupont@exemple.fr", demand.ContactEmail);
        Assert.Equal(5, demand.Members.Count);
        Assert.Contains(demand.Events, e => e.Kind == DemandEventKind.Updated);
    }

    [Fact]
    public async Task A_file_with_one_bad_demand_imports_nothing_and_reports_every_error()
    {
        var xml = SneFiles.WithDemands(
            SneFiles.Nur("1110318016982G3001"),
            SneFiles.Nur("1110318016982G3002", d => d.Replace("<ns1:surface>50</ns1:surface>", "<ns1:surface>cinquante</ns1:surface>", StringComparison.Ordinal)),
            SneFiles.Nur("1110318016982G3001"));

        var report = await ImportAsync(xml);

        Assert.False(report.Succeeded);
        Assert.Contains(report.Errors, e => e is { Position: 2, Element: "logementActuel/surface" });
        Assert.Contains(report.Errors, e => e is { Position: 3, Element: "numUnique" } && e.Message.Contains("demande n° 1", StringComparison.Ordinal));
        using var scope = factory.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<CilPortalDbContext>().Demands.AnyAsync(d => d.Nur.StartsWith("1110318016982G300")));
    }

    [Fact]
    public async Task A_file_that_is_not_xml_is_refused_with_a_french_message()
    {
        var report = await ImportAsync("ceci n'est pas du XML");

        Assert.False(report.Succeeded);
        Assert.Contains("fichier mal formé", Assert.Single(report.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_administrator_uploads_a_file_and_reads_the_report()
    {
        var client = factory.CreateClient();
        await client.SignInAsync(DemoAccounts.EpciAdministrator);

        var ok = await UploadAsync(client, SneFiles.WithDemands(SneFiles.Nur("1110318016982G4001")));
        var refused = await UploadAsync(client, SneFiles.WithDemands(SneFiles.Nur("1110318016982G4002", d => d.Replace("2018-03-15", "hier", StringComparison.Ordinal))));

        Assert.Contains("Import réussi", ok, StringComparison.Ordinal);
        Assert.Contains("1 créée(s)", ok, StringComparison.Ordinal);
        Assert.Contains("Import refusé : rien n'a été enregistré", refused, StringComparison.Ordinal);
        Assert.Contains("élément « dateCreationDemande »", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_line_imports_a_file_and_says_so()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sne-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(path, SneFiles.WithDemands(SneFiles.Nur("1110318016982G5001")));
        using var output = new StringWriter();
        _ = factory.Server;

        var code = await SneImportCommand.RunAsync(factory.Services, path, output);
        File.Delete(path);

        Assert.Equal(0, code);
        Assert.Contains("Import réussi : 1 demande(s) lue(s), 1 créée(s)", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, await SneImportCommand.RunAsync(factory.Services, "/nulle/part.xml", output));
    }

    private async Task<SneImportReport> ImportAsync(string xml)
    {
        _ = factory.Server;
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SneImporter>().ImportAsync(SneFiles.Stream(xml), Today);
    }

    private static async Task<string> UploadAsync(HttpClient client, string xml) =>
        await client.UploadFileAsync("/gestion/epci/import-sne", xml, "export.xml", "text/xml");
}
