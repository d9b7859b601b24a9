using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Importers;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Infrastructure.Time;
using CilPortal.Tests.Support;
using CilPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Import;

public class EventImportTests
{
    [Fact]
    public async Task A_file_of_events_moves_each_demand_on_and_a_second_import_records_nothing_more()
    {
        using var factory = new CilPortalWebFactory();
        var (renewed, housed) = await TwoActiveDemandsAsync(factory);
        var today = Today(factory);
        var csv = Csv(
            $"{renewed.Nur};{today:yyyy-MM-dd};RENOUVELLEMENT;;",
            $"{housed.Nur};{today.AddDays(-6):dd/MM/yyyy};DECISION_CALEOL;Attribution au rang 1 pour un T2 à Coursan.;",
            $"{housed.Nur};{today.AddDays(-4):yyyy-MM-dd};PROPOSITION;T2 de 48 m² à Coursan, loyer 390 €.;",
            $"{housed.Nur};{today.AddDays(-1):yyyy-MM-dd};BAIL;;");
        var first = await ImportAsync(factory, csv);
        var second = await ImportAsync(factory, csv);

        Assert.True(first.Succeeded, string.Join(" | ", first.Errors));
        Assert.Equal((4, 4, 0), (first.Read, first.Recorded, first.AlreadyKnown));
        Assert.Equal((4, 0, 4), (second.Read, second.Recorded, second.AlreadyKnown));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var r = await db.Demands.SingleAsync(d => d.Id == renewed.Id);
        var h = await db.Demands.SingleAsync(d => d.Id == housed.Id);
        Assert.Equal(renewed.ExpiresOn.AddYears(1), r.ExpiresOn);
        Assert.Equal((DemandStatus.StruckOff, RadiationReason.LeaseSigned, today.AddDays(-1)), (h.Status, h.RadiationReason!.Value, h.StruckOffOn!.Value));
        Assert.False(await db.DemandScores.AnyAsync(s => s.DemandId == housed.Id));
        Assert.Equal(3, await db.OutboxMessages.CountAsync(m => m.Kind == "avis" && m.To == h.NoticeEmail));
    }

    [Fact]
    public async Task Old_events_change_the_demand_but_are_not_sent_to_the_applicant_as_news()
    {
        using var factory = new CilPortalWebFactory();
        var (demand, _) = await TwoActiveDemandsAsync(factory);
        var old = Today(factory).AddDays(-30);

        var report = await ImportAsync(factory, Csv($"{demand.Nur};{(old < demand.FiledOn ? demand.FiledOn : old):yyyy-MM-dd};LABEL_PRIORITAIRE;;"));

        Assert.True(report.Succeeded, string.Join(" | ", report.Errors));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        Assert.True((await db.Demands.SingleAsync(d => d.Id == demand.Id)).IsPriorityPublic);
        Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.Kind == "avis"));
    }

    [Fact]
    public async Task A_file_with_bad_lines_records_nothing_and_reports_every_line_by_its_number()
    {
        using var factory = new CilPortalWebFactory();
        var (demand, _) = await TwoActiveDemandsAsync(factory);
        var today = Today(factory);
        var csv = Csv(
            $"{demand.Nur};{today:yyyy-MM-dd};LABEL_PRIORITAIRE;;",
            $"{demand.Nur};demain;LABEL_DALO;;",
            $"9990101999999Z9999;{today:yyyy-MM-dd};REFUS;;",
            $"{demand.Nur};{today:yyyy-MM-dd};RADIATION;;",
            $"{demand.Nur};{today:yyyy-MM-dd};DEMENAGEMENT;;",
            $"{demand.Nur};{today.AddDays(3):yyyy-MM-dd};REFUS;;",
            $"{demand.Nur};{today:yyyy-MM-dd}");

        var report = await ImportAsync(factory, csv);

        Assert.False(report.Succeeded);
        Assert.Contains(report.Errors, e => e is { Line: 3, Column: "date" });
        Assert.Contains(report.Errors, e => e is { Line: 4, Column: "numUnique" });
        Assert.Contains(report.Errors, e => e is { Line: 5, Column: "motifRadiation" });
        Assert.Contains(report.Errors, e => e is { Line: 6, Column: "evenement" });
        Assert.Contains(report.Errors, e => e is { Line: 7, Column: "date" } && e.Message.Contains("futur", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e is { Line: 8, Column: "colonnes" });
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        Assert.False((await db.Demands.SingleAsync(d => d.Id == demand.Id)).IsPriorityPublic);
        Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.Kind == "avis"));
        var wrongHeader = await ImportAsync(factory, "nur,date\n");
        Assert.Equal("en-tête", Assert.Single(wrongHeader.Errors).Column);
    }

    [Fact]
    public async Task The_administrator_uploads_events_and_the_command_line_imports_them_too()
    {
        using var factory = new CilPortalWebFactory();
        var (demand, other) = await TwoActiveDemandsAsync(factory);
        var today = Today(factory);
        var client = factory.CreateClient();
        await client.SignInAsync(DemoAccounts.EpciAdministrator);

        var page = WebUtility.HtmlDecode(await UploadAsync(client, Csv($"{demand.Nur};{today:yyyy-MM-dd};LABEL_DALO;;")));
        Assert.Contains("1 enregistré(s)", page, StringComparison.Ordinal);

        var path = Path.Combine(Path.GetTempPath(), $"evenements-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, Csv($"{other.Nur};{today:yyyy-MM-dd};RADIATION;Radiée à votre demande.;b"));
        using var output = new StringWriter();
        var code = await SneImportCommand.RunEventsAsync(factory.Services, path, output);
        File.Delete(path);
        Assert.Equal(0, code);
        Assert.Contains("1 enregistré(s)", output.ToString(), StringComparison.Ordinal);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        Assert.True((await db.Demands.SingleAsync(d => d.Id == demand.Id)).IsDaloRecognised);
        Assert.Equal(RadiationReason.Renunciation, (await db.Demands.SingleAsync(d => d.Id == other.Id)).RadiationReason);
    }

    private static string Csv(params string[] lines) => DemandEventImporter.Header + "\n" + string.Join("\n", lines) + "\n";

    private static DateOnly Today(CilPortalWebFactory factory) => factory.Services.GetRequiredService<ParisClock>().Today;

    /// <summary>Two active demands without labels, filed more than two months ago, the first one the next to expire.</summary>
    private static async Task<(Demand First, Demand Second)> TwoActiveDemandsAsync(CilPortalWebFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var today = Today(factory);
        var candidates = db.Demands.AsNoTracking().ActiveOn(today).Where(d => !d.IsPriorityPublic && d.ContactEmail != null && d.FiledOn < today.AddMonths(-2));
        var first = await candidates.Where(d => d.ExpiresOn > today.AddDays(5)).OrderBy(d => d.ExpiresOn).FirstAsync();
        var second = await candidates.Where(d => d.Id != first.Id).OrderBy(d => d.Id).Skip(20).FirstAsync();
        return (first, second);
    }

    private static async Task<EventImportReport> ImportAsync(CilPortalWebFactory factory, string csv)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DemandEventImporter>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), Today(factory));
    }

    private static async Task<string> UploadAsync(HttpClient client, string csv) =>
        await client.UploadFileAsync("/gestion/epci/import-evenements", csv, "evenements.csv");
}
