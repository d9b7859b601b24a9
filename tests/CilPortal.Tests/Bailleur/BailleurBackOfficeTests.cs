using System.Globalization;
using System.Net;
using CilPortal.Domain.Allocations;
using CilPortal.Domain.Demands;
using CilPortal.Domain.Stock;
using CilPortal.Infrastructure.Allocations;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Infrastructure.Time;
using CilPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Bailleur;

public class BailleurBackOfficeTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private DateOnly Today => factory.Services.GetRequiredService<ParisClock>().Today;

    [Fact]
    public async Task An_agent_of_bailleur_b_gets_404_on_every_page_form_and_export_of_bailleur_a_even_by_id_tampering()
    {
        var a = await BailleurOfAsync(DemoAccounts.BailleurAgent1);
        var residence = await WithDbAsync(db => db.Residences.Where(r => r.BailleurId == a).Select(r => new { r.Id, DwellingId = r.Dwellings.Select(d => d.Id).First() }).FirstAsync());
        var examination = await WithDbAsync(db => db.CaleolExaminations.Where(e => e.BailleurId == a).Select(e => new { e.Id, AllocationId = e.Candidates.Select(c => c.Id).First() }).FirstAsync());
        var year = await WithDbAsync(db => db.CaleolExaminations.Where(e => e.BailleurId == a).Select(e => e.SessionDate.Year).FirstAsync());
        var dwellingsOfA = await WithDbAsync(db => db.CaleolExaminations.Where(e => e.BailleurId == a && e.SessionDate.Year == year)
            .Join(db.Dwellings, e => e.DwellingId, d => d.Id, (e, d) => d.Reference).ToListAsync());
        var b = await ClientAsync(DemoAccounts.BailleurAgent2);

        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync(new Uri($"/gestion/bailleur/patrimoine/residences/{residence.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync(new Uri($"/gestion/bailleur/attributions/{examination.Id}", UriKind.Relative))).StatusCode);
        var ownResidence = await WithDbAsync(db => db.Residences.Where(r => r.BailleurId != a).Select(r => r.Id).FirstAsync());
        var vacancy = await b.PostFormAsync($"/gestion/bailleur/patrimoine/residences/{ownResidence}", new Dictionary<string, string> { ["dwellingId"] = residence.DwellingId.ToString(Invariant), ["vacant"] = "true" },
            action: $"/gestion/bailleur/patrimoine/residences/{residence.Id}/vacancy");
        Assert.Equal(HttpStatusCode.NotFound, vacancy.StatusCode);
        var tampered = await b.PostFormAsync($"/gestion/bailleur/patrimoine/residences/{ownResidence}", new Dictionary<string, string> { ["dwellingId"] = residence.DwellingId.ToString(Invariant), ["vacant"] = "true" },
            action: $"/gestion/bailleur/patrimoine/residences/{ownResidence}/vacancy");
        Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);
        var ownExamination = await WithDbAsync(db => db.CaleolExaminations.Where(e => e.BailleurId != a).Select(e => e.Id).FirstAsync());
        var answer = await b.PostFormAsync($"/gestion/bailleur/attributions/{ownExamination}", new Dictionary<string, string>
        {
            ["allocationId"] = examination.AllocationId.ToString(Invariant), ["answer"] = "Refused", ["answeredOn"] = Today.ToString("yyyy-MM-dd", Invariant),
        }, action: $"/gestion/bailleur/attributions/{ownExamination}/answer");
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        var export = await b.GetStringAsync(new Uri($"/gestion/bailleur/attributions/export?annee={year}", UriKind.Relative));
        Assert.NotEmpty(dwellingsOfA);
        Assert.All(dwellingsOfA, reference => Assert.DoesNotContain(reference + ";", export, StringComparison.Ordinal));
        Assert.Contains("identifiant_logement;", export, StringComparison.Ordinal);
        var objectives = await b.GetAsync(new Uri("/gestion/bailleur/objectifs", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, objectives.StatusCode);
        var html = WebUtility.HtmlDecode(await (await b.PostFormAsync("/gestion/bailleur/attributions/nouvelle", await ExaminationFormAsync(
            await WithDbAsync(db => db.Dwellings.Where(d => d.Id == residence.DwellingId).Select(d => d.Reference).SingleAsync()), ["X"], reason: "r"))).Content.ReadAsStringAsync());
        Assert.Contains("Aucun logement de votre patrimoine ne porte cet identifiant.", html, StringComparison.Ordinal);
        Assert.Equal(a, await BailleurOfAsync(DemoAccounts.BailleurAgent1));
        Assert.Equal(0, await WithDbAsync(db => db.Dwellings.CountAsync(d => d.Id == residence.DwellingId && d.VacantSince != null && d.VacantSince == Today)));
    }

    [Fact]
    public async Task Other_staff_cannot_open_the_bailleur_space()
    {
        foreach (var account in new[] { DemoAccounts.ReceptionAgent, DemoAccounts.EpciAdministrator })
        {
            var client = await ClientAsync(account);
            foreach (var url in new[] { "/gestion/bailleur/patrimoine", "/gestion/bailleur/attributions", "/gestion/bailleur/objectifs", "/gestion/bailleur/attributions/export" })
            {
                var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/compte/acces-refuse", StringComparison.Ordinal), $"{account} reached {url}");
            }
        }
    }

    [Fact]
    public async Task A_stock_file_is_imported_its_qpv_derived_from_the_position_then_updated_by_identifier()
    {
        var client = await ClientAsync(DemoAccounts.BailleurAgent1);
        const string header = "identifiant;residence;adresse;code_insee;code_qpv;latitude;longitude;typologie;surface;loyer;charges;financement;etage;ascenseur;accessibilite;annee_construction";
        var csv = $"""
            {header}
            TEST-001;Résidence d'essai Centre;3 rue du Pont;11262;;43.1853;3.0060;T3;65,5;410,20;85;PLUS;2;oui;;1975
            TEST-002;Résidence d'essai Centre;3 rue du Pont;11262;;43.1853;3.0060;T2;48;330;60;PLAI;RDC;non;adaptable;1975
            TEST-003;Résidence d'essai Plage;1 avenue de la Mer;11262;QP011007;43.15;3.16;T4;80;520;90;PLS;1;non;fauteuil;
            TEST-004;Résidence d'essai Déclarée;5 place Ouest;11262;QP011007;;;T1;30;250;40;PLUS;0;non;non;
            """;

        var imported = await client.UploadFileAsync("/gestion/bailleur/patrimoine/import", csv, "patrimoine.csv");

        Assert.Contains("data-testid=\"import-success\"", imported, StringComparison.Ordinal);
        Assert.Contains("4 logement(s) lu(s) : 4 créé(s), 0 mis à jour, 3 résidence(s) nouvelle(s).", imported, StringComparison.Ordinal);
        Assert.Contains("le code déclaré QP011007 ne correspond pas à la position, hors QPV : la position est retenue.", imported, StringComparison.Ordinal);
        var residences = await WithDbAsync(db => db.Residences.Where(r => r.Name.StartsWith("Résidence d'essai")).ToDictionaryAsync(r => r.Name, r => (r.QpvCode, r.QpvLocatedBy)));
        Assert.Equal(("QP011008", QpvLocation.Contours), residences["Résidence d'essai Centre"]);
        Assert.Equal((null, QpvLocation.Contours), residences["Résidence d'essai Plage"]);
        Assert.Equal(("QP011007", QpvLocation.Declared), residences["Résidence d'essai Déclarée"]);

        var again = await client.UploadFileAsync("/gestion/bailleur/patrimoine/import", csv.Replace("410,20", "425", StringComparison.Ordinal), "patrimoine.csv");

        Assert.Contains("4 logement(s) lu(s) : 0 créé(s), 4 mis à jour, 0 résidence(s) nouvelle(s).", again, StringComparison.Ordinal);
        var first = await WithDbAsync(db => db.Dwellings.SingleAsync(d => d.Reference == "TEST-001"));
        Assert.Equal((425m, 65.5m, Typology.T3, Financing.Plus), (first.Rent, first.Surface, first.Typology, first.Financing));
    }

    [Fact]
    public async Task A_stock_file_with_bad_lines_imports_nothing_and_names_every_bad_line()
    {
        var client = await ClientAsync(DemoAccounts.BailleurAgent1);
        var before = await WithDbAsync(db => db.Dwellings.CountAsync());
        var csv = """
            identifiant;residence;adresse;code_insee;code_qpv;latitude;longitude;typologie;surface;loyer;charges;financement;etage;ascenseur;accessibilite;annee_construction
            BAD-001;Résidence bonne;1 rue A;11262;;;;T2;50;300;50;PLUS;1;oui;;
            BAD-002;Résidence mauvaise;1 rue B;75056;QP999999;NaN;NaN;T9;-3;trois cents;;HLM;ciel;peut-être;escalier;1066
            BAD-001;Résidence bonne;1 rue A;11262;;;;T2;50;300;50;PLUS;1;oui;;
            trop;peu;de;colonnes
            """;

        var html = await client.UploadFileAsync("/gestion/bailleur/patrimoine/import", csv, "patrimoine.csv");

        Assert.Contains("Import refusé : rien n'a été enregistré", html, StringComparison.Ordinal);
        foreach (var expected in new[]
        {
            "Ligne 3 (BAD-002), code_insee", "Ligne 3 (BAD-002), code_qpv", "Ligne 3 (BAD-002), latitude", "Ligne 3 (BAD-002), typologie",
            "Ligne 3 (BAD-002), surface", "Ligne 3 (BAD-002), loyer", "Ligne 3 (BAD-002), financement", "Ligne 3 (BAD-002), etage",
            "Ligne 3 (BAD-002), ascenseur", "Ligne 3 (BAD-002), accessibilite", "Ligne 3 (BAD-002), annee_construction",
            "Ligne 4 (BAD-001), identifiant : l'identifiant figure déjà ligne 2.", "Ligne 5, colonnes",
        })
        {
            Assert.Contains(expected, html, StringComparison.Ordinal);
        }

        Assert.Equal(before, await WithDbAsync(db => db.Dwellings.CountAsync()));
        Assert.False(await WithDbAsync(db => db.Residences.AnyAsync(r => r.Name == "Résidence bonne")));
    }

    [Fact]
    public async Task An_examination_of_fewer_than_three_candidates_needs_a_reason_then_answer_and_lease_classify_the_allocation()
    {
        var client = await ClientAsync(DemoAccounts.BailleurAgent1);
        var bailleur = await BailleurOfAsync(DemoAccounts.BailleurAgent1);
        var dwelling = await WithDbAsync(db => db.Dwellings.Where(d => d.Residence!.BailleurId == bailleur && d.VacantSince != null).Select(d => new { d.Id, d.Reference, d.Residence!.QpvCode }).FirstAsync());
        var candidates = await ActiveNursAsync(2, skip: 40);

        var form = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/gestion/bailleur/attributions/nouvelle?logement={dwelling.Id}", UriKind.Relative)));
        Assert.Contains($"value=\"{dwelling.Reference}\"", form, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Candidates[5].Nur\"", form, StringComparison.Ordinal);
        var refused = WebUtility.HtmlDecode(await (await client.PostFormAsync("/gestion/bailleur/attributions/nouvelle", await ExaminationFormAsync(dwelling.Reference, candidates, reason: null))).Content.ReadAsStringAsync());
        Assert.Contains("R441-3", refused, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"caleol-errors\"", refused, StringComparison.Ordinal);
        Assert.False(await WithDbAsync(db => db.CaleolExaminations.AnyAsync(e => e.DwellingId == dwelling.Id && e.SessionDate == Today.AddDays(-3))));

        var saved = await client.PostFormAsync("/gestion/bailleur/attributions/nouvelle", await ExaminationFormAsync(dwelling.Reference, candidates, reason: "Un seul autre candidat pour ce T5 adapté."));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var examination = await WithDbAsync(db => db.CaleolExaminations.Include(e => e.Candidates).SingleAsync(e => e.DwellingId == dwelling.Id && e.SessionDate == Today.AddDays(-3)));
        Assert.Equal("Un seul autre candidat pour ce T5 adapté.", examination.FewerCandidatesReason);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/gestion/bailleur/attributions/{examination.Id}", UriKind.Relative)));
        Assert.Contains("data-testid=\"fewer-candidates\"", page, StringComparison.Ordinal);
        var winner = examination.Candidates.Single(c => c.Rank == 1);
        var demandEvents = await WithDbAsync(db => db.DemandEvents.Where(e => e.AllocationId == winner.Id).Select(e => e.Kind).ToListAsync());
        Assert.Equal([DemandEventKind.CaleolDecision], demandEvents);

        var answered = await client.PostFormAsync($"/gestion/bailleur/attributions/{examination.Id}", new Dictionary<string, string>
        {
            ["allocationId"] = winner.Id.ToString(Invariant), ["answer"] = "Accepted", ["answeredOn"] = Today.AddDays(-2).ToString("yyyy-MM-dd", Invariant),
        }, action: $"/gestion/bailleur/attributions/{examination.Id}/answer");
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var early = WebUtility.HtmlDecode(await (await client.PostFormAsync($"/gestion/bailleur/attributions/{examination.Id}", new Dictionary<string, string>
        {
            ["allocationId"] = winner.Id.ToString(Invariant), ["signedOn"] = Today.AddDays(-3).ToString("yyyy-MM-dd", Invariant),
        }, action: $"/gestion/bailleur/attributions/{examination.Id}/lease")).Content.ReadAsStringAsync());
        Assert.Contains("La date de signature du bail se situe entre l'acceptation et aujourd'hui.", early, StringComparison.Ordinal);
        var leased = WebUtility.HtmlDecode(await (await client.PostFormAsync($"/gestion/bailleur/attributions/{examination.Id}", new Dictionary<string, string>
        {
            ["allocationId"] = winner.Id.ToString(Invariant), ["signedOn"] = Today.ToString("yyyy-MM-dd", Invariant),
        }, action: $"/gestion/bailleur/attributions/{examination.Id}/lease")).Content.ReadAsStringAsync());

        Assert.Contains("Le bail est enregistré", leased, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"classification\"", leased, StringComparison.Ordinal);
        var allocation = await WithDbAsync(db => db.Allocations.SingleAsync(a => a.Id == winner.Id));
        var demand = await WithDbAsync(db => db.Demands.Include(d => d.Members).Include(d => d.Resources).SingleAsync(d => d.Id == winner.DemandId));
        var threshold = await WithDbAsync(db => db.CiaYears.Where(y => y.Year == Today.Year).Select(y => y.FirstQuartileThreshold).SingleAsync());
        var expected = CiaClassifier.Classify(CiaClassifier.InputFor(demand, Today, dwelling.QpvCode, threshold, urbanRenewal: false));
        Assert.Equal(expected, allocation.Classification);
        Assert.Equal((DemandStatus.StruckOff, RadiationReason.LeaseSigned), (demand.Status, demand.RadiationReason));
        Assert.Null(await WithDbAsync(db => db.Dwellings.Where(d => d.Id == dwelling.Id).Select(d => d.VacantSince).SingleAsync()));
        var second = WebUtility.HtmlDecode(await (await client.PostFormAsync($"/gestion/bailleur/attributions/{examination.Id}", new Dictionary<string, string>
        {
            ["allocationId"] = winner.Id.ToString(Invariant), ["signedOn"] = Today.ToString("yyyy-MM-dd", Invariant),
        }, action: $"/gestion/bailleur/attributions/{examination.Id}/lease")).Content.ReadAsStringAsync());
        Assert.Contains("Le bail de ce candidat est déjà enregistré.", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_allocations_file_records_examinations_answers_and_leases_refuses_bad_lines_and_skips_known_examinations()
    {
        var client = await ClientAsync(DemoAccounts.BailleurAgent1);
        var bailleur = await BailleurOfAsync(DemoAccounts.BailleurAgent1);
        var dwellings = await WithDbAsync(db => db.Dwellings.Where(d => d.Residence!.BailleurId == bailleur && !db.CaleolExaminations.Any(e => e.DwellingId == d.Id)).OrderBy(d => d.Id).Select(d => d.Reference).Take(2).ToListAsync());
        var reservataire = await WithDbAsync(db => db.Reservataires.Where(r => r.Kind == CilPortal.Domain.Partners.ReservataireKind.Prefet).Select(r => r.Name).FirstAsync());
        var nurs = await ActiveNursAsync(4, skip: 80);
        var session = Today.AddDays(-20).ToString("yyyy-MM-dd", Invariant);
        var answered = Today.AddDays(-15).ToString("yyyy-MM-dd", Invariant);
        var lease = Today.AddDays(-5).ToString("yyyy-MM-dd", Invariant);
        var good = $"""
            identifiant_logement;date_commission;reservataire;numUnique;decision;rang;motifs;raison_moins_de_3;reponse;date_reponse;date_bail;renouvellement_urbain
            {dwellings[0]};{session};{reservataire};{nurs[0]};ATTRIBUTION;1;;;ACCEPTEE;{answered};{lease};non
            {dwellings[0]};{session};{reservataire};{nurs[1]};ATTRIBUTION;2;;;;;;
            {dwellings[0]};{session};{reservataire};{nurs[2]};NON_ATTRIBUTION;;Ressources insuffisantes pour ce loyer;;;;;
            {dwellings[1]};{session};{reservataire};{nurs[3]};ATTRIBUTION;1;;Candidat désigné au titre du DALO;REFUSEE;{answered};;
            """;
        var bad = good.Replace(";NON_ATTRIBUTION;;Ressources insuffisantes pour ce loyer;", ";NON_ATTRIBUTION;;;", StringComparison.Ordinal)
            .Replace(";Candidat désigné au titre du DALO;", ";;", StringComparison.Ordinal) + "\nINCONNU;2026-13-01;Personne;123;PEUT_ETRE;;;;;;;\n";
        var before = await WithDbAsync(db => db.Allocations.CountAsync());

        var refused = await client.UploadFileAsync("/gestion/bailleur/attributions/import", bad, "attributions.csv");

        Assert.Contains("Import refusé : rien n'a été enregistré", refused, StringComparison.Ordinal);
        Assert.Contains("Ligne 6 (123), date_commission", refused, StringComparison.Ordinal);
        Assert.Contains("Ligne 6 (123), numUnique", refused, StringComparison.Ordinal);
        Assert.Contains("Ligne 6 (123), decision", refused, StringComparison.Ordinal);
        Assert.Equal(before, await WithDbAsync(db => db.Allocations.CountAsync()));
        var refusedRules = await client.UploadFileAsync("/gestion/bailleur/attributions/import", bad[..bad.LastIndexOf("INCONNU", StringComparison.Ordinal)], "attributions.csv");
        Assert.Contains("indiquez les motifs de la décision", refusedRules, StringComparison.Ordinal);
        Assert.Contains("R441-3", refusedRules, StringComparison.Ordinal);
        Assert.Contains("lignes 5", refusedRules, StringComparison.Ordinal);
        Assert.Equal(before, await WithDbAsync(db => db.Allocations.CountAsync()));

        var imported = await client.UploadFileAsync("/gestion/bailleur/attributions/import", good, "attributions.csv");

        Assert.Contains("4 ligne(s) lue(s) : 2 examen(s) enregistré(s) dont 1 suivi(s) d'un bail, 0 déjà connu(s).", imported, StringComparison.Ordinal);
        Assert.Equal(before + 4, await WithDbAsync(db => db.Allocations.CountAsync()));
        var leased = await WithDbAsync(db => db.Allocations.Where(a => db.Demands.Any(d => d.Id == a.DemandId && d.Nur == nurs[0])).OrderByDescending(a => a.Id).FirstAsync());
        Assert.NotNull(leased.Classification);
        Assert.Equal(Today.AddDays(-5), leased.LeaseSignedOn);

        var again = await client.UploadFileAsync("/gestion/bailleur/attributions/import", good, "attributions.csv");
        Assert.Contains("0 examen(s) enregistré(s) dont 0 suivi(s) d'un bail, 2 déjà connu(s).", again, StringComparison.Ordinal);
        Assert.Equal(before + 4, await WithDbAsync(db => db.Allocations.CountAsync()));
    }

    [Fact]
    public async Task My_objectives_show_the_same_figures_as_the_domain_computation_and_a_new_threshold_reclassifies_the_year()
    {
        var bailleur = await BailleurOfAsync(DemoAccounts.BailleurAgent1);
        var year = Today.Year - 1;
        using (var scope = factory.Services.CreateScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<CiaClassificationService>();
            var counted = await service.CountedAsync(year, bailleur);
            var communes = await WithDbAsync(db => db.Residences.Where(r => r.BailleurId == bailleur).Select(r => r.CommuneInseeCode).Distinct().ToListAsync());
            Assert.All(counted, c => Assert.Equal(bailleur, c.BailleurId));
            Assert.All(counted, c => Assert.Contains(c.CommuneInseeCode, communes));
            var indicators = CiaIndicatorCalculator.Compute(year, Today, counted, (await service.SettingsAsync(year)).Targets);
            Assert.True(indicators.OutsideQpvFirstQuartile.Total > 0);
            var client = await ClientAsync(DemoAccounts.BailleurAgent1);
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/gestion/bailleur/objectifs?annee={year}", UriKind.Relative)));
            Assert.Contains($"{indicators.OutsideQpvFirstQuartile.Met} sur {indicators.OutsideQpvFirstQuartile.Total} bail(aux) signé(s) hors QPV", html, StringComparison.Ordinal);
            Assert.Contains($"{indicators.InQpvOtherQuartiles.Met} sur {indicators.InQpvOtherQuartiles.Total} bail(aux) signé(s) en QPV", html, StringComparison.Ordinal);
        }

        var admin = await ClientAsync(DemoAccounts.EpciAdministrator);
        var saved = WebUtility.HtmlDecode(await (await admin.PostFormAsync("/gestion/epci/cia/annees", new Dictionary<string, string>
        {
            ["Input.Year"] = year.ToString(Invariant), ["Input.Threshold"] = "1000", ["Input.Source"] = "Test", ["Input.OutsideQpv"] = "25", ["Input.InQpv"] = "50", ["Input.Priority"] = "25",
        })).Content.ReadAsStringAsync());

        Assert.Contains($"Paramètres {year} enregistrés", saved, StringComparison.Ordinal);
        var firstQuartile = await WithDbAsync(db => db.Allocations.Where(a => a.LeaseSignedOn != null && a.LeaseSignedOn.Value.Year == year).Select(a => a.Classification!.IsFirstQuartile).ToListAsync());
        Assert.NotEmpty(firstQuartile);
        Assert.All(firstQuartile, q => Assert.True(q is false || q is null));
        var refused = WebUtility.HtmlDecode(await (await admin.PostFormAsync("/gestion/epci/cia/annees", new Dictionary<string, string>
        {
            ["Input.Year"] = "1999", ["Input.Threshold"] = "abc", ["Input.OutsideQpv"] = "120", ["Input.InQpv"] = "50", ["Input.Priority"] = "25",
        })).Content.ReadAsStringAsync());
        Assert.Contains("L'année va de 2017", refused, StringComparison.Ordinal);
        Assert.Contains("Un taux va de 0 à 100 %.", refused, StringComparison.Ordinal);
        Assert.Contains("« seuil »", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("« Threshold »", refused, StringComparison.Ordinal);
    }

    private async Task<Dictionary<string, string>> ExaminationFormAsync(string dwellingReference, List<string> nurs, string? reason, int daysAgo = 3)
    {
        var reservataire = await WithDbAsync(db => db.Reservataires.Where(r => r.Kind != CilPortal.Domain.Partners.ReservataireKind.Bailleur).Select(r => r.Id).FirstAsync());
        var form = new Dictionary<string, string>
        {
            ["Input.DwellingReference"] = dwellingReference,
            ["Input.SessionDate"] = Today.AddDays(-daysAgo).ToString("yyyy-MM-dd", Invariant),
            ["Input.ReservataireId"] = reservataire.ToString(Invariant),
            ["Input.FewerCandidatesReason"] = reason ?? "",
        };
        for (var i = 0; i < nurs.Count; i++)
        {
            form[$"Input.Candidates[{i}].Nur"] = nurs[i];
            form[$"Input.Candidates[{i}].Decision"] = "Attribution";
            form[$"Input.Candidates[{i}].Rank"] = (i + 1).ToString(Invariant);
        }

        return form;
    }

    private async Task<List<string>> ActiveNursAsync(int count, int skip) =>
        await WithDbAsync(db => db.Demands.Where(d => d.Status == DemandStatus.Active && d.FiledOn < Today.AddDays(-60)).OrderBy(d => d.Id).Skip(skip).Take(count).Select(d => d.Nur).ToListAsync());

    private async Task<int> BailleurOfAsync(string email) =>
        await WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.BailleurId!.Value).SingleAsync());

    private async Task<HttpClient> ClientAsync(string email)
    {
        var client = factory.CreateClient();
        await client.SignInAsync(email);
        return client;
    }

    private async Task<T> WithDbAsync<T>(Func<CilPortalDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<CilPortalDbContext>());
    }
}
