using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Support;

/// <summary>
/// The real portal on a SQLite file with migrations applied and the demo territory seeded. Each factory
/// gets its own copy of a database seeded once per test run, so tests never see each other's writes.
/// </summary>
public class CilPortalWebFactory : WebApplicationFactory<Program>
{
    /// <summary>Password of the demo accounts in tests (never used outside tests).</summary>
    public const string DemoPassword = "Mot-de-passe-des-tests-2026";

    /// <summary>The key that signs anti-robot challenges in tests (never used outside tests).</summary>
    public const string CaptchaKey = "cle-hmac-des-tests-du-portail-0123456789";

    /// <summary>The key of the access codes' hashes in tests.</summary>
    public const string AccessCodeKey = "cle-des-codes-d-acces-des-tests-0123456789";

    private static readonly Lock TemplateGate = new();
    private static string? templatePath;

    private readonly bool ownsDatabase;

    public CilPortalWebFactory()
        : this(FreshDatabaseCopy(), ownsDatabase: true)
    {
    }

    protected CilPortalWebFactory(string databasePath, bool ownsDatabase)
    {
        DatabasePath = databasePath;
        this.ownsDatabase = ownsDatabase;
    }

    public string DatabasePath { get; }

    public string ConnectionString => $"Data Source={DatabasePath}";

    /// <summary>Settings a test class changes for its own portal (e.g. demo mode off).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    /// <summary>The portal's clock; null for the real one.</summary>
    protected virtual TimeProvider? Clock => null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:CilPortal", ConnectionString);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:AccountPassword", DemoPassword);
        builder.UseSetting("Security:SecureCookies", "false");

        // Tests change data and read the public pages at once: no output cache (PublicPageCacheTests turns it on).
        builder.UseSetting("OutputCache:PublicPageSeconds", "0");
        builder.UseSetting("DemandRegistration:Enabled", "true");

        // Scheduled jobs only where a test asks for them; mail never written into the source tree.
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("Smtp:PickupDirectory", Path.Combine(Path.GetTempPath(), "cilportal-test-mail"));

        // All requests of a test host come from one address: limits are tested by the classes that set them.
        builder.UseSetting("RateLimits:PublicFormPostsPerIpPer10Minutes", "1000");

        // The anti-robot check runs for real: a test key, and challenges small enough for HtmlForms to solve in a moment.
        builder.UseSetting("Captcha:HmacKey", CaptchaKey);
        builder.UseSetting("AccessCodes:HmacKey", AccessCodeKey);
        builder.UseSetting("Captcha:MaxNumber", "2000");
        builder.UseSetting("RateLimits:SignInPostsPerIpPer10Minutes", "1000");
        builder.UseSetting("RateLimits:SignInPostsPerAccountPer10Minutes", "1000");
        builder.UseSetting("RateLimits:AccountFormPostsPerAccountPer10Minutes", "1000");
        builder.UseSetting("RateLimits:RegistrationsPerAddressPerHour", "1000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && ownsDatabase)
        {
            SqliteConnection.ClearAllPools();
            TryDelete(DatabasePath);
        }
    }

    private static string FreshDatabaseCopy()
    {
        lock (TemplateGate)
        {
            if (templatePath is null)
            {
                var path = Path.Combine(Path.GetTempPath(), $"cilportal-template-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
                using (var seeding = new CilPortalWebFactory(path, ownsDatabase: false))
                {
                    // Starting the host migrates and seeds, exactly as a real start does.
                    seeding.Server.Dispose();
                }

                SqliteConnection.ClearAllPools();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(path);
                templatePath = path;
            }

            var copy = Path.Combine(Path.GetTempPath(), $"cilportal-test-{Guid.NewGuid():N}.db");
            CopyDatabase(templatePath, copy);
            return copy;
        }
    }

    /// <summary>
    /// Copies the template through SQLite's online backup, not as a file. The template is in write-ahead-log mode: what
    /// was written last may still be in its « -wal » file, folded into the main file only when its last connection
    /// closes, which can come a moment after its host is disposed. A file copy made before then missed it — among others
    /// the template host giving back its start-up lease, so that every test host on such a copy waited ten minutes for
    /// that lease to expire (seen three times on one day; a template with 6 MB still in its log was seen at copy time).
    /// The backup reads the database as SQLite sees it, log included.
    /// </summary>
    private static void CopyDatabase(string template, string copy)
    {
        using var source = new SqliteConnection($"Data Source={template};Pooling=False");
        using var target = new SqliteConnection($"Data Source={copy};Pooling=False");
        source.Open();
        target.Open();
        source.BackupDatabase(target);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A file still held open is left in the temp folder.
        }
    }
}
