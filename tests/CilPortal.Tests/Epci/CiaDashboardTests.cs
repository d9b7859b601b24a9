using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CilPortal.Domain.Allocations;
using CilPortal.Infrastructure.Allocations;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Infrastructure.Time;
using CilPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Epci;

/// <summary>The EPCI's CIA dashboard, its drill-down, its per-scope targets and the annual report with its exports.</summary>
public partial class CiaDashboardTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    [Fact]
    public async Task The_dashboard_shows_for_the_epci_each_bailleur_sector_and_reservataire_what_the_indicator_computation_gives()
    {
        var client = await AdminAsync();
        var year = LastYear;
        IReadOnlyList<CountedAllocation> counted;
        CiaTargets targets;
        using (var scope = factory.Services.CreateScope())
        {
            var classification = scope.ServiceProvider.GetRequiredService<CiaClassificationService>();
            counted = await classification.CountedAsync(year, null);
            targets = (await classification.SettingsAsync(year)).Targets;
        }

        var expected = CiaIndicatorCalculator.Compute(year, Today, counted, targets);
        Assert.True(expected.OutsideQpvFirstQuartile.Total > 0, "The demo territory has leases last year.");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/gestion/epci/cia?annee={year}", UriKind.Relative)));

        Assert.Contains($"{expected.OutsideQpvFirstQuartile.SharePercent:0.0} %".Replace('.', ','), html, StringComparison.Ordinal);
        Assert.Contains($"{expected.OutsideQpvFirstQuartile.Met} sur {expected.OutsideQpvFirstQuartile.Total}", html, StringComparison.Ordinal);
        Assert.Contains($"{expected.InQpvOtherQuartiles.Met} sur {expected.InQpvOtherQuartiles.Total}", html, StringComparison.Ordinal);
        Assert.Contains($"{expected.PriorityPublics.Met} sur {expected.PriorityPublics.Total}", html, StringComparison.Ordinal);
        Assert.Equal(counted.Select(c => c.BailleurId).Distinct().Count(), RowsOf(html, "by-bailleur"));
        Assert.Equal(2, RowsOf(html, "by-sector"));
        Assert.Equal(counted.Select(c => c.ReservataireId).Distinct().Count(), RowsOf(html, "by-reservataire"));
        Assert.Contains("data-testid=\"chart-bailleurs-hors-qpv\"", html, StringComparison.Ordinal);
        Assert.Contains("<desc", html, StringComparison.Ordinal);

        // The figures link to the allocations behind them, pseudonymised.
        // A page at a time: the pages together hold each counted allocation once.
        var (drillRows, drill) = await AllPagesAsync(client, $"/gestion/epci/cia/attributions?annee={year}&indicateur=OutsideQpvFirstQuartile&atteint=1");
        Assert.Equal(expected.OutsideQpvFirstQuartile.Met, drillRows.Count);
        var (allRows, all) = await AllPagesAsync(client, $"/gestion/epci/cia/attributions?annee={year}");
        Assert.True(counted.Count > CilPortal.Web.Pages.Gestion.Epci.Cia.AttributionsModel.PageSize, "The demo year's leases fill more than a page.");
        Assert.Equal(counted.Count, allRows.Count);
        Assert.Equal(counted.Count, allRows.Distinct().Count());
        var beyond = await client.GetAsync(new Uri($"/gestion/epci/cia/attributions?annee={year}&page=99999", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, beyond.StatusCode);
        Assert.Contains($">{allRows[^1]}<", await beyond.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/gestion/epci/cia/attributions?annee={year}&page=abc", UriKind.Relative))).StatusCode);
        Assert.Contains($"{counted.Count} attribution(s)", Regex.Replace(all, "(?<=[0-9])[\u202F\u00A0 ](?=[0-9]{3})", ""), StringComparison.Ordinal);
        using var check = factory.Services.CreateScope();
        var someNur = await check.ServiceProvider.GetRequiredService<CilPortalDbContext>().Demands.Where(d => d.Status == CilPortal.Domain.Demands.DemandStatus.StruckOff).Select(d => d.Nur).FirstAsync();
        Assert.DoesNotContain(someNur, all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bailleur_given_its_own_rates_is_measured_against_them_and_bad_rates_change_nothing()
    {
        using var own = new CilPortalWebFactory();
        var client = own.CreateClient();
        await client.SignInAsync(DemoAccounts.EpciAdministrator);
        int bailleurId;
        using (var scope = own.Services.CreateScope())
        {
            bailleurId = await scope.ServiceProvider.GetRequiredService<CilPortalDbContext>().Bailleurs.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync();
        }

        var bad = WebUtility.HtmlDecode(await (await client.PostFormAsync($"/gestion/epci/cia/objectifs?annee={LastYear}", new Dictionary<string, string>
        {
            ["Input.Scope"] = $"Bailleur-{bailleurId}",
            ["Input.OutsideQpv"] = "140",
            ["Input.InQpv"] = "50",
            ["Input.Priority"] = "abc",
        })).Content.ReadAsStringAsync());
        Assert.Contains("compris entre 0 et 100", bad, StringComparison.Ordinal);
        using (var scope = own.Services.CreateScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<CilPortalDbContext>().CiaTargetOverrides.AnyAsync());
        }

        await client.PostFormAsync($"/gestion/epci/cia/objectifs?annee={LastYear}", new Dictionary<string, string>
        {
            ["Input.Scope"] = $"Bailleur-{bailleurId}",
            ["Input.OutsideQpv"] = "33",
            ["Input.InQpv"] = "60",
            ["Input.Priority"] = "30",
        });

        using var after = own.Services.CreateScope();
        var data = await after.ServiceProvider.GetRequiredService<CiaDashboardService>().LoadAsync(LastYear, Today);
        var bailleur = data.Breakdown.ByBailleur.Single(s => s.Scope.Id == bailleurId).Indicators;
        Assert.Equal((33m, 60m, 30m), (bailleur.OutsideQpvFirstQuartile.TargetPercent, bailleur.InQpvOtherQuartiles.TargetPercent, bailleur.PriorityPublics.TargetPercent));
        Assert.Equal(25m, data.Breakdown.Epci.OutsideQpvFirstQuartile.TargetPercent);
        Assert.All(data.Breakdown.ByBailleur.Where(s => s.Scope.Id != bailleurId), s => Assert.Equal(25m, s.Indicators.OutsideQpvFirstQuartile.TargetPercent));
    }

    [Fact]
    public async Task The_annual_report_prints_and_exports_the_same_figures_in_csv_and_xlsx()
    {
        var client = await AdminAsync();
        var year = LastYear;
        CiaYearIndicators epci;
        using (var scope = factory.Services.CreateScope())
        {
            epci = (await scope.ServiceProvider.GetRequiredService<CiaDashboardService>().LoadAsync(year, Today)).Breakdown.Epci;
        }

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/gestion/epci/cia/bilan?annee={year}", UriKind.Relative)));
        Assert.Contains("Règle de comptage", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"bilan-bailleurs\"", page, StringComparison.Ordinal);

        var xlsx = await client.GetAsync(new Uri($"/gestion/epci/cia/bilan?handler=export&format=xlsx&annee={year}", UriKind.Relative));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var sheets = XlsxReader.Read(await xlsx.Content.ReadAsStreamAsync());
        Assert.Equal(["Méthode", "Intercommunalité", "Bailleurs", "Secteurs", "Réservataires", "Mois"], sheets.Select(s => s.Name));
        var epciSheet = sheets.Single(s => s.Name == "Intercommunalité");
        Assert.Equal("Hors QPV : premier quartile", epciSheet["C2"].Text);
        Assert.Equal(epci.OutsideQpvFirstQuartile.Total, epciSheet["D2"].Number);
        Assert.Equal(epci.OutsideQpvFirstQuartile.Met, epciSheet["E2"].Number);
        Assert.Equal(epci.PriorityPublics.Met, epciSheet["E4"].Number);
        Assert.Equal(epci.LeasesByMonth.Sum(), sheets.Single(s => s.Name == "Mois").Rows.Skip(1).Sum(r => r[1].Number));

        var csv = await client.GetStringAsync(new Uri($"/gestion/epci/cia/bilan?handler=export&format=csv&annee={year}", UriKind.Relative));
        Assert.Contains("# Seuil du premier quartile;", csv, StringComparison.Ordinal);
        Assert.Contains($"Intercommunalité;Intercommunalité;Hors QPV : premier quartile;{epci.OutsideQpvFirstQuartile.Total};{epci.OutsideQpvFirstQuartile.Met};", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/gestion/epci/cia/bilan?handler=export&format=pdf&annee={year}", UriKind.Relative))).StatusCode);
        using var check = factory.Services.CreateScope();
        Assert.True(await check.ServiceProvider.GetRequiredService<CilPortalDbContext>().AuditEntries.CountAsync(a => a.Action == CilPortal.Infrastructure.Audit.AuditActions.CiaReportExport) >= 2);
    }

    [Theory]
    [InlineData(DemoAccounts.BailleurAgent1)]
    [InlineData(DemoAccounts.ReceptionAgent)]
    public async Task Only_the_epci_reads_the_dashboard_the_allocations_and_the_report(string account)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(account);
        foreach (var url in new[] { "/gestion/epci/cia", "/gestion/epci/cia/attributions", "/gestion/epci/cia/bilan?handler=export&format=xlsx", "/gestion/epci/cia/objectifs" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/compte/acces-refuse", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    private DateOnly Today => factory.Services.GetRequiredService<ParisClock>().Today;

    private int LastYear => Today.Year - 1;

    /// <summary>Follows « Page suivante » from <paramref name="url"/>: the allocation numbers of every page, and the first page.</summary>
    private static async Task<(List<string> Rows, string FirstPage)> AllPagesAsync(HttpClient client, string url)
    {
        var rows = new List<string>();
        string? first = null;
        for (var next = url; next is not null;)
        {
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(next, UriKind.Relative)));
            first ??= html;
            rows.AddRange(AllocationNumberPattern().Matches(html).Select(m => m.Groups[1].Value));
            var link = NextPagePattern().Match(html);
            next = link.Success ? link.Groups[1].Value : null;
            Assert.True(rows.Count < 100_000, "The pages never end.");
        }

        return (rows, first!);
    }

    [GeneratedRegex("<th scope=\"row\">(A-[0-9]+)</th>")]
    private static partial Regex AllocationNumberPattern();

    [GeneratedRegex("<a href=\"([^\"]+)\" rel=\"next\"")]
    private static partial Regex NextPagePattern();

    private static int RowsOf(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No table {testId}.");
        var body = html[html.IndexOf("<tbody>", start, StringComparison.Ordinal)..html.IndexOf("</tbody>", start, StringComparison.Ordinal)];
        return RowPattern().Count(body);
    }

    private async Task<HttpClient> AdminAsync()
    {
        var client = factory.CreateClient();
        await client.SignInAsync(DemoAccounts.EpciAdministrator);
        return client;
    }

    [GeneratedRegex("<tr>")]
    private static partial Regex RowPattern();
}

public partial class CiaWhatIfPageTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    [Fact]
    public async Task The_what_if_starts_from_the_dashboards_figures_and_ranks_candidates_as_the_domain_does()
    {
        var client = factory.CreateClient();
        await client.SignInAsync(DemoAccounts.EpciAdministrator);
        var today = factory.Services.GetRequiredService<ParisClock>().Today;
        int dwellingId, bailleurId, reservataireId;
        string commune;
        string? qpv;
        List<CilPortal.Domain.Demands.Demand> candidates;
        CiaDashboardData data;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            var dwelling = await db.Dwellings.Include(d => d.Residence).Where(d => d.VacantSince != null).OrderBy(d => d.VacantSince).FirstAsync();
            (dwellingId, bailleurId, commune, qpv) = (dwelling.Id, dwelling.Residence!.BailleurId, dwelling.Residence.CommuneInseeCode, dwelling.Residence.QpvCode);
            reservataireId = await db.Reservataires.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
            candidates = await db.Demands.ActiveOn(today).Include(d => d.Members).Include(d => d.Resources).AsSplitQuery().OrderBy(d => d.Id).Skip(3).Take(4).ToListAsync();
            data = await scope.ServiceProvider.GetRequiredService<CiaDashboardService>().LoadAsync(today.Year, today);
        }

        var url = $"/gestion/epci/cia/simulation?logement={dwellingId}&reservataire={reservataireId}&candidats={Uri.EscapeDataString(string.Join("\n", candidates.Select(c => c.Nur)))}";
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(url, UriKind.Relative)));

        var expected = CiaWhatIf.Rank(today.Year, today, data.Counted, data.Settings.Targets,
            candidates.Select(c => new CiaCandidate(c.Id, CiaClassifier.Classify(CiaClassifier.InputFor(c, today, qpv, data.Settings.FirstQuartileThreshold, false)))),
            reservataireId, bailleurId, commune);
        var order = expected.Select(r => candidates.Single(c => c.Id == r.CandidateId).Nur).ToList();
        var positions = order.Select(nur => html.IndexOf($"data-testid=\"candidate-nur\">{nur}<", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);

        // "Before" is the dashboard's figure; "after" is the computation with the lease added.
        var before = data.Breakdown.Epci.PriorityPublics;
        var first = expected[0].Simulation;
        Assert.Equal(before, first.Before.PriorityPublics);
        var appended = data.Counted.Append(new CountedAllocation(today, reservataireId, CiaClassifier.Classify(CiaClassifier.InputFor(candidates.Single(c => c.Id == expected[0].CandidateId), today, qpv, data.Settings.FirstQuartileThreshold, false)), bailleurId, commune));
        Assert.Equal(CiaIndicatorCalculator.Compute(today.Year, today, appended, data.Settings.Targets).PriorityPublics, first.After.PriorityPublics);
        Assert.Contains($"{before.SharePercent:0.0} % → {first.After.PriorityPublics.SharePercent:0.0} %".Replace('.', ','), html, StringComparison.Ordinal);

        var bad = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/gestion/epci/cia/simulation?logement=999999&reservataire=&candidats=ABC%0A111111111111111111", UriKind.Relative)));
        Assert.Contains("Choisissez un logement vacant de la liste.", bad, StringComparison.Ordinal);
        Assert.Contains("« ABC » n'est pas un numéro unique", bad, StringComparison.Ordinal);
        Assert.Contains("Aucune demande n° 111111111111111111.", bad, StringComparison.Ordinal);
    }
}

public class SectorPageTests
{
    [Fact]
    public async Task The_epci_creates_edits_and_deletes_a_sector_and_an_empty_one_is_refused()
    {
        using var own = new CilPortalWebFactory();
        var client = own.CreateClient();
        await client.SignInAsync(DemoAccounts.EpciAdministrator);
        string commune, qpv;
        using (var scope = own.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            qpv = await db.Qpvs.OrderBy(q => q.Code).Select(q => q.Code).FirstAsync();
            commune = await db.Communes.OrderByDescending(c => c.InseeCode).Select(c => c.InseeCode).FirstAsync();
        }

        var empty = WebUtility.HtmlDecode(await (await client.PostFormAsync("/gestion/epci/secteurs", new Dictionary<string, string> { ["Input.Name"] = "Littoral" })).Content.ReadAsStringAsync());
        Assert.Contains("Un secteur compte au moins une commune ou un quartier prioritaire.", empty, StringComparison.Ordinal);

        await client.PostFormAsync("/gestion/epci/secteurs", [new("Input.Name", "Littoral"), new("Input.Communes", commune), new("Input.Qpvs", qpv)]);
        int id;
        using (var scope = own.Services.CreateScope())
        {
            var sector = await scope.ServiceProvider.GetRequiredService<CilPortalDbContext>().Sectors.Include(s => s.Communes).Include(s => s.Qpvs).SingleAsync(s => s.Name == "Littoral");
            Assert.Equal([commune], sector.Communes.Select(c => c.CommuneInseeCode));
            Assert.Equal([qpv], sector.Qpvs.Select(q => q.QpvCode));
            id = sector.Id;
        }

        var duplicate = WebUtility.HtmlDecode(await (await client.PostFormAsync("/gestion/epci/secteurs", [new("Input.Name", "littoral"), new("Input.Communes", commune)])).Content.ReadAsStringAsync());
        Assert.Contains("Un autre secteur porte déjà ce nom.", duplicate, StringComparison.Ordinal);

        await client.PostFormAsync("/gestion/epci/secteurs", [new("Input.Id", id.ToString(CultureInfo.InvariantCulture)), new("Input.RowVersion", "0"), new("Input.Name", "Littoral et étangs"), new("Input.Qpvs", qpv)]);
        using (var scope = own.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            var sector = await db.Sectors.Include(s => s.Communes).SingleAsync(s => s.Id == id);
            Assert.Equal("Littoral et étangs", sector.Name);
            Assert.Empty(sector.Communes);
            db.CiaTargetOverrides.Add(new CiaTargetOverride { Year = 2026, ScopeKind = CiaScopeKind.Sector, ScopeId = id, OutsideQpvFirstQuartileTarget = 30, InQpvOtherQuartilesTarget = 50, PriorityPublicsTarget = 25 });
            await db.SaveChangesAsync();
        }

        await client.PostFormAsync("/gestion/epci/secteurs?handler=Delete", new Dictionary<string, string> { ["id"] = id.ToString(CultureInfo.InvariantCulture) });
        using var check = own.Services.CreateScope();
        var after = check.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        Assert.False(await after.Sectors.AnyAsync(s => s.Id == id));
        Assert.False(await after.CiaTargetOverrides.AnyAsync(o => o.ScopeKind == CiaScopeKind.Sector && o.ScopeId == id));
        var journal = await after.AuditEntries.Where(a => a.Action == CilPortal.Infrastructure.Audit.AuditActions.Sector).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(3, journal.Count);
        Assert.Contains("Littoral et étangs", journal[1].After, StringComparison.Ordinal);
        Assert.Contains(commune, journal[1].Before, StringComparison.Ordinal);
    }
}

public class PriorityPublicListTests
{
    [Fact]
    public async Task Listing_a_situation_for_a_year_counts_its_households_as_priority_publics_from_then_on()
    {
        using var own = new CilPortalWebFactory();
        var client = own.CreateClient();
        await client.SignInAsync(DemoAccounts.EpciAdministrator);
        var today = own.Services.GetRequiredService<ParisClock>().Today;
        var year = today.Year - 1;
        int allocationId;
        decimal before;
        using (var scope = own.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            var start = new DateOnly(year, 1, 1);
            var lease = await db.Allocations.Where(a => a.LeaseSignedOn >= start && a.LeaseSignedOn <= new DateOnly(year, 12, 31) && a.Classification != null && !a.Classification.IsPriorityPublic)
                .OrderBy(a => a.Id).FirstAsync();
            var demand = await db.Demands.SingleAsync(d => d.Id == lease.DemandId);
            demand.Situations |= CilPortal.Domain.Scoring.DemandSituations.Disability;
            await db.SaveChangesAsync();
            allocationId = lease.Id;
            before = (await scope.ServiceProvider.GetRequiredService<CiaDashboardService>().LoadAsync(year, today)).Breakdown.Epci.PriorityPublics.Met;
        }

        var settings = await own.Services.CreateScope().ServiceProvider.GetRequiredService<CiaClassificationService>().SettingsAsync(year);
        await client.PostFormAsync("/gestion/epci/cia/annees", [
            new("Input.Year", year.ToString(CultureInfo.InvariantCulture)),
            new("Input.Threshold", settings.FirstQuartileThreshold?.ToString(CultureInfo.InvariantCulture) ?? ""),
            new("Input.OutsideQpv", "25"), new("Input.InQpv", "50"), new("Input.Priority", "25"),
            new("Input.Situations", "Disability"),
        ]);

        using var check = own.Services.CreateScope();
        var db2 = check.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        Assert.Equal(PriorityPublicCriteria.Disability, (await db2.CiaYears.SingleAsync(y => y.Year == year)).PriorityPublicSituations);
        Assert.True((await db2.Allocations.SingleAsync(a => a.Id == allocationId)).Classification!.IsPriorityPublic);
        var after = (await check.ServiceProvider.GetRequiredService<CiaDashboardService>().LoadAsync(year, today)).Breakdown.Epci.PriorityPublics.Met;
        Assert.True(after > before, $"{after} priority publics after listing disability, {before} before.");
    }
}

public class PriorityPublicListAtLeaseTests
{
    [Fact]
    public async Task A_lease_signed_after_the_list_was_set_is_classified_with_it()
    {
        using var own = new CilPortalWebFactory();
        using var scope = own.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var lease = await db.Allocations.Where(a => a.Classification != null && !a.Classification.IsPriorityPublic).OrderBy(a => a.Id).FirstAsync();
        var year = lease.LeaseSignedOn!.Value.Year;
        var demand = await db.Demands.SingleAsync(d => d.Id == lease.DemandId);
        demand.Situations |= CilPortal.Domain.Scoring.DemandSituations.Disability;
        var settings = await db.CiaYears.SingleOrDefaultAsync(y => y.Year == year) ?? db.CiaYears.Add(new CiaYearSettings { Year = year }).Entity;
        settings.PriorityPublicSituations = PriorityPublicCriteria.Disability;
        await db.SaveChangesAsync();

        await scope.ServiceProvider.GetRequiredService<CiaClassificationService>().ClassifyAsync([lease]);

        Assert.True(lease.Classification!.IsPriorityPublic);
    }
}
