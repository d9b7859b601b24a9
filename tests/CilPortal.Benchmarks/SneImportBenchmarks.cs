using System.Globalization;
using System.Text;
using System.Xml;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CilPortal.Domain.Scoring;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Importers;
using CilPortal.Infrastructure.Scoring;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Infrastructure.Statistics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CilPortal.Benchmarks;

/// <summary>
/// The SNE import of issue #11: an <c>interfaceNuu</c> 02.00 file of 10,000 demands (generated in the layout of the real
/// example, <see cref="SneFileGenerator"/>) imported by <see cref="SneImporter"/> into a fresh SQLite file with the migrations
/// applied, the reference data of CA Le Grand Narbonne and the example grid in force: read, checked, written in one
/// transaction, and every active demand scored and ranked. Target: under 30 s. Each iteration starts from a copy of the
/// prepared database (<see cref="IterationSetupAttribute"/>), so few iterations.
/// <c>dotnet run -c Release --project tests/CilPortal.Benchmarks -- --filter '*SneImport*'</c>, or <c>-- domain</c>
/// (<see cref="DomainMeasure"/>).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class SneImportBenchmarks
{
    private SneImportDatabase database = null!;
    private byte[] file = [];
    private CilPortalDbContext db = null!;

    [GlobalSetup]
    public void Setup()
    {
        database = SneImportDatabase.PrepareAsync().GetAwaiter().GetResult();
        file = SneFileGenerator.Generate(10_000, SneFileGenerator.Seed);
    }

    [IterationSetup]
    public void FreshDatabase() => db = database.FreshContext();

    [IterationCleanup]
    public void DisposeDatabase()
    {
        db.Dispose();
        database.DeleteCopy();
    }

    [GlobalCleanup]
    public void Cleanup() => database.Dispose();

    [Benchmark]
    public async Task<SneImportReport> Import10000Demands() => await SneImportDatabase.ImportAsync(db, file);
}

/// <summary>A SQLite template with the migrations applied, copied to a fresh file for each import.</summary>
public sealed class SneImportDatabase : IDisposable
{
    public static readonly DateOnly Today = new(2026, 11, 28);

    private readonly string folder;
    private int copies;

    private SneImportDatabase(string folder) => this.folder = folder;

    private string Template => Path.Combine(folder, "template.db");

    private string Copy => Path.Combine(folder, $"import-{copies}.db");

    /// <summary>Migrates a new SQLite file, loads the reference data and publishes the example grid, as at start-up.</summary>
    public static async Task<SneImportDatabase> PrepareAsync()
    {
        var database = new SneImportDatabase(Directory.CreateTempSubdirectory("cilportal-sne-bench-").FullName);
        await using (var db = Open(database.Template))
        {
            await db.Database.MigrateAsync();
            await new ReferenceDataSeeder(db).SeedAsync("241100593");
            db.ScoringGrids.Add(ExampleGrid.Create(new DateOnly(Today.Year, 1, 1), DateTimeOffset.UnixEpoch));
            await db.SaveChangesAsync();
        }

        SqliteConnection.ClearAllPools();
        return database;
    }

    /// <summary>A context on a new copy of the template.</summary>
    public CilPortalDbContext FreshContext()
    {
        copies++;
        File.Copy(Template, Copy, overwrite: true);
        return Open(Copy);
    }

    public void DeleteCopy()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(Copy);
    }

    public static async Task<SneImportReport> ImportAsync(CilPortalDbContext db, byte[] file)
    {
        using var stream = new MemoryStream(file, writable: false);
        var importer = new SneImporter(db, new ScoringService(db, NullLogger<ScoringService>.Instance), NullLogger<SneImporter>.Instance);
        var report = await importer.ImportAsync(stream, Today);
        return report.Succeeded
            ? report
            : throw new InvalidOperationException($"Import refused: {string.Join(Environment.NewLine, report.Errors.Take(5))}");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>A context as the portal opens it (SQLite file, migrations assembly, statistics interceptor).</summary>
    private static CilPortalDbContext Open(string path)
    {
        var connection = new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30 }.ToString();
        var options = new DbContextOptionsBuilder<CilPortalDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, connection).AddInterceptors(new StatisticsVersion());
        return new CilPortalDbContext(options.Options);
    }
}

/// <summary>
/// Writes an SNE <c>interfaceNuu</c> 02.00 file in the layout of the real example (<c>interfaceNuu_v02_exemple.xml</c>):
/// per demand the applicant (address, job, fiscal income, resources received and paid out), a co-holder one time in three,
/// 0 to 4 dependants, sometimes an expected birth or children in alternating custody, and the current dwelling.
/// Deterministic for a seed; every demand is valid.
/// </summary>
public static class SneFileGenerator
{
    public const int Seed = 20261128;
    private const string Ns = "http://nuu.application.i2/";

    private static readonly string[] LastNames = ["MARTIN", "BERNARD", "GARCIA", "MARTINEZ", "LOPEZ", "DURAND", "MOREAU", "ROUX", "FOURNIER", "BLANC", "FAURE", "ROUSSEL", "SANCHEZ", "PUJOL", "VIDAL", "BOSC"];
    private static readonly string[] FirstNames = ["Jean", "Marie", "Nadia", "Karim", "Sophie", "Luc", "Inès", "Paul", "Léa", "Yanis", "Claire", "Hugo", "Fatima", "Éric", "Julie", "Noah"];
    private static readonly string[] Received = ["SAL", "RSA", "AAH", "AF", "CHO", "RET", "PAJE", "AUT", "PINV", "BE"];
    private static readonly string[] Dwellings = ["LP", "LP", "LP", "LS", "LS", "HT", "HF", "CH", "SA", "PR", "HO"];

    public static byte[] Generate(int demands, int seed)
    {
        var random = new Random(seed);
        var communes = CiaBenchmarks.Communes();
        using var output = new MemoryStream();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument(standalone: true);
            xml.WriteStartElement("ns1", "interfaceNuu", Ns);
            xml.WriteAttributeString("versionInterface", "02.00");
            xml.WriteStartElement("entete", Ns);
            Element(xml, "dateFichier", "2026-11-28T06:00:00.000+01:00");
            xml.WriteEndElement();
            for (var i = 0; i < demands; i++)
            {
                Demand(xml, random, i, communes);
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return output.ToArray();
    }

    private static void Demand(XmlWriter xml, Random random, int index, string[] communes)
    {
        var filed = SneImportDatabase.Today.AddDays(-random.Next(0, 2500));
        var lastName = LastNames[random.Next(LastNames.Length)];
        xml.WriteStartElement("demande", Ns);
        xml.WriteStartElement("demandeLogement", Ns);
        Element(xml, "numUnique", string.Create(CultureInfo.InvariantCulture, $"011{filed:MMyy}{index:D6}A{random.Next(10_000):D4}"));
        Element(xml, "dateCreationDemande", Date(filed));
        xml.WriteStartElement("personnePhysique", Ns);

        xml.WriteStartElement("demandeur", Ns);
        Person(xml, random, lastName, filed.AddDays(-random.Next(18 * 365, 85 * 365)));
        Element(xml, "telPortable", string.Create(CultureInfo.InvariantCulture, $"06{random.Next(100_000_000):D8}"));
        Element(xml, "mel", string.Create(CultureInfo.InvariantCulture, $"demandeur{index}@exemple.fr"));
        xml.WriteStartElement("adressePostale", Ns);
        Element(xml, "etranger", "false");
        Element(xml, "numero", Number(1 + random.Next(200)));
        Element(xml, "voie", "avenue de la Mer");
        Element(xml, "codePostal", "11100");
        Coded(xml, "commune", random.Next(100) < 85 ? communes[random.Next(communes.Length)] : "34172");
        xml.WriteEndElement();
        Job(xml, random);
        Fiscal(xml, random);
        Resources(xml, random, applicant: true);
        xml.WriteEndElement();

        var dependants = random.Next(100) switch { < 45 => 0, < 65 => 1, < 82 => 2, < 94 => 3, _ => 4 };
        if (dependants > 0)
        {
            xml.WriteStartElement("listePersonneACharge", Ns);
            for (var d = 0; d < dependants; d++)
            {
                xml.WriteStartElement("personneACharge", Ns);
                Element(xml, "nom", lastName);
                Element(xml, "prenom", FirstNames[random.Next(FirstNames.Length)]);
                Element(xml, "dateNaissance", Date(filed.AddDays(-random.Next(0, 18 * 365))));
                Coded(xml, "sexe", random.Next(2) == 0 ? "F" : "M");
                Coded(xml, "lienParente", random.Next(100) < 92 ? "E" : "A");
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        if (random.Next(100) < 3)
        {
            xml.WriteStartElement("personneANaitre", Ns);
            Element(xml, "nombre", "1");
            Element(xml, "dateNaissancePrevue", Date(SneImportDatabase.Today.AddDays(random.Next(30, 240))));
            xml.WriteEndElement();
        }

        if (random.Next(100) < 6)
        {
            xml.WriteStartElement("listePersonneEnGarde", Ns);
            for (var c = 0; c < 1 + random.Next(2); c++)
            {
                xml.WriteStartElement("personneEnGarde", Ns);
                Element(xml, "dateNaissance", Date(filed.AddDays(-random.Next(0, 16 * 365))));
                Coded(xml, "sexe", random.Next(2) == 0 ? "F" : "M");
                Coded(xml, "coParentalite", random.Next(2) == 0 ? "G" : "D");
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        if (random.Next(100) < 33)
        {
            xml.WriteStartElement("listeCotitulaire", Ns);
            xml.WriteStartElement("cotitulaire", Ns);
            Person(xml, random, lastName, filed.AddDays(-random.Next(18 * 365, 80 * 365)));
            Coded(xml, "lienDemandeur", random.Next(100) < 90 ? "M" : "A");
            Job(xml, random);
            Fiscal(xml, random);
            Resources(xml, random, applicant: false);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteStartElement("logementActuel", Ns);
        xml.WriteStartElement("listeModeleLogement", Ns);
        Coded(xml, "modeleLogement", Dwellings[random.Next(Dwellings.Length)]);
        xml.WriteEndElement();
        if (random.Next(100) < 75)
        {
            Element(xml, "montantMensuelLoyer", Number(250 + random.Next(750)));
        }

        Element(xml, "nombreHabitant", Number(1 + dependants + random.Next(2)));
        Coded(xml, "categorieLogement", "A");
        Coded(xml, "typeLogementActuel", string.Create(CultureInfo.InvariantCulture, $"T{1 + random.Next(5)}"));
        Element(xml, "surface", Number(18 + random.Next(90)));
        Element(xml, "proprietaire", "false");
        xml.WriteEndElement();

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Person(XmlWriter xml, Random random, string lastName, DateOnly birth)
    {
        Coded(xml, "civilite", random.Next(2) == 0 ? "1" : "2");
        Element(xml, "nom", lastName);
        Element(xml, "prenom", FirstNames[random.Next(FirstNames.Length)]);
        Element(xml, "dateNaissance", Date(birth));
        Coded(xml, "nationalite", random.Next(100) < 85 ? "1" : "2");
        Coded(xml, "situationFamiliale", random.Next(3) switch { 0 => "M", 1 => "C", _ => "D" });
    }

    private static void Job(XmlWriter xml, Random random)
    {
        if (random.Next(100) >= 55)
        {
            return;
        }

        xml.WriteStartElement("situationProfessionnelle", Ns);
        Element(xml, "profession", "Agent d'entretien");
        Coded(xml, "typeContratTravail", random.Next(2) == 0 ? "CDI" : "CDD");
        Element(xml, "nomEmployeurPrincipal", "Employeur");
        Element(xml, "etranger", "false");
        Element(xml, "codePostal", "11100");
        Coded(xml, "commune", "11262");
        xml.WriteEndElement();
    }

    private static void Fiscal(XmlWriter xml, Random random)
    {
        xml.WriteStartElement("revenuFiscal", Ns);
        Element(xml, "anneeMoins1", "2025");
        if (random.Next(100) < 80)
        {
            Element(xml, "montantMoins1", Number(random.Next(0, 32_000)));
        }

        Element(xml, "anneeMoins2", "2024");
        if (random.Next(100) < 70)
        {
            Element(xml, "montantMoins2", Number(random.Next(0, 32_000)));
        }

        xml.WriteEndElement();
    }

    private static void Resources(XmlWriter xml, Random random, bool applicant)
    {
        xml.WriteStartElement("listeRessourceRecue", Ns);
        var codes = Received.OrderBy(_ => random.Next()).Take(applicant ? 1 + random.Next(4) : random.Next(3)).ToList();
        foreach (var code in codes)
        {
            Resource(xml, code, code == "SAL" ? 900 + random.Next(1600) : 50 + random.Next(700));
        }

        xml.WriteEndElement();
        xml.WriteStartElement("listeRessourceVersee", Ns);
        if (random.Next(100) < 10)
        {
            Resource(xml, "PAV", 50 + random.Next(300));
        }

        xml.WriteEndElement();
        if (applicant)
        {
            xml.WriteStartElement("listeRessourceRecuePersACharge", Ns);
            xml.WriteEndElement();
            xml.WriteStartElement("listeRessourceVerseePersACharge", Ns);
            xml.WriteEndElement();
        }
    }

    private static void Resource(XmlWriter xml, string code, int amount)
    {
        xml.WriteStartElement("detailRessource", Ns);
        Coded(xml, "ressource", code);
        Element(xml, "montant", Number(amount));
        xml.WriteEndElement();
    }

    private static void Element(XmlWriter xml, string name, string value) => xml.WriteElementString(name, Ns, value);

    private static void Coded(XmlWriter xml, string name, string code)
    {
        xml.WriteStartElement(name, Ns);
        xml.WriteAttributeString("code", code);
        xml.WriteEndElement();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
