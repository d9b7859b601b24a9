using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Email;
using CilPortal.Infrastructure.Jobs;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Web;

/// <summary>Counts what each instance hands to the mail server, per outbox message.</summary>
public sealed class RecordingTransport : IEmailTransport
{
    public ConcurrentDictionary<long, int> Sends { get; } = new();

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Sends.AddOrUpdate(message.Id, 1, (_, n) => n + 1);

        // A real send takes time: long enough for another dispatcher to reach the same message.
        await Task.Delay(5, cancellationToken);
    }
}

/// <summary>One instance of the portal; the second of a pair opens the first one's SQLite file.</summary>
public sealed class PortalInstance : CilPortalWebFactory
{
    private readonly bool jobs;

    public PortalInstance(RecordingTransport transport, bool jobs)
    {
        Transport = transport;
        this.jobs = jobs;
    }

    public PortalInstance(PortalInstance first, RecordingTransport transport, bool jobs)
        : base((first ?? throw new ArgumentNullException(nameof(first))).DatabasePath, ownsDatabase: false)
    {
        Transport = transport;
        this.jobs = jobs;
    }

    public RecordingTransport Transport { get; }

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Jobs:Enabled"] = jobs ? "true" : "false",
        ["Outbox:PollMilliseconds"] = "50",
        ["Outbox:BatchSize"] = "10",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IEmailTransport>(Transport));
    }
}

/// <summary>An instance on a database file that does not exist yet: its start migrates and seeds it.</summary>
public sealed class EmptyDatabasePortal(string path) : CilPortalWebFactory(path, ownsDatabase: false);

/// <summary>
/// Two instances of the portal on ONE SQLite database file, as two servers behind a load balancer on one database: a
/// session opened on one is valid on the other, a form drawn by one posts to the other, and background work happens
/// once between them.
/// </summary>
public sealed class ScaleOutTests : IDisposable
{
    private readonly RecordingTransport transport = new();
    private readonly PortalInstance first;
    private readonly PortalInstance second;

    public ScaleOutTests()
    {
        first = new PortalInstance(transport, jobs: false);
        _ = first.Server;
        second = new PortalInstance(first, transport, jobs: false);
        _ = second.Server;
    }

    public void Dispose()
    {
        second.Dispose();
        first.Dispose();
    }

    [Fact]
    public async Task A_sign_in_on_one_instance_is_valid_on_the_other_and_a_form_of_one_posts_to_the_other()
    {
        var cookies = new CookieContainer();
        using var one = first.CreateDefaultClient(new CookieContainerHandler(cookies));
        using var other = second.CreateDefaultClient(new CookieContainerHandler(cookies));

        var signedIn = await one.SignInAsync(DemoAccounts.EpciAdministrator);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // The session cookie issued by the first instance opens a staff page on the second.
        using var page = await other.GetAsync(new Uri("/gestion/epci", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        // A form drawn by the second instance (its antiforgery token) is accepted by the first.
        var form = await other.FormAsync("/gestion/epci/bailleurs", "bailleur-form");
        using var saved = await one.SubmitAsync(form, new Dictionary<string, string> { ["Input.Name"] = "Bailleur des deux instances", ["Input.Kind"] = "Esh" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var scope = second.Services.CreateScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<CilPortalDbContext>().Bailleurs.AnyAsync(b => b.Name == "Bailleur des deux instances"));

        // And the other way round, for an applicant's form.
        var applicant = new CookieContainer();
        using var a1 = first.CreateDefaultClient(new CookieContainerHandler(applicant));
        using var a2 = second.CreateDefaultClient(new CookieContainerHandler(applicant));
        await a2.SignInAsync(DemoAccounts.Applicant);
        var contact = await a1.FormAsync("/ma-demande/coordonnees", "contact-form");
        using var posted = await a2.SubmitAsync(contact, contact.Values());
        Assert.NotEqual(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.True((int)posted.StatusCode < 500, $"{posted.StatusCode}");

        // The keys are in the database, not in a folder of either instance.
        Assert.True(await scope.ServiceProvider.GetRequiredService<CilPortalDbContext>().DataProtectionKeys.AnyAsync());
    }

    [Fact]
    public async Task Two_dispatchers_running_at_once_deliver_each_outbox_message_exactly_once()
    {
        var ids = await QueueAsync(first, 60);
        var dispatchers = new[] { first, second, first, second }.Select(p => p.Services.GetRequiredService<OutboxDispatcher>()).Distinct().ToList();
        Assert.Equal(2, dispatchers.Count);

        // Both dispatch at the same moment, over and over, bypassing the lease: the per-message claim alone must hold.
        for (var round = 0; round < 10 && ids.Any(id => !transport.Sends.ContainsKey(id)); round++)
        {
            await Task.WhenAll(dispatchers.Select(d => d.DispatchDueAsync(CancellationToken.None)));
        }

        Assert.All(ids, id => Assert.Equal(1, transport.Sends.GetValueOrDefault(id)));
        using var scope = first.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        Assert.Equal(ids.Count, await db.OutboxMessages.CountAsync(m => ids.Contains(m.Id) && m.SentAt != null));
    }

    [Fact]
    public async Task With_background_jobs_on_in_both_instances_each_message_is_sent_once_and_each_job_has_one_holder()
    {
        // Two more instances with their scheduled jobs on, on the same database; the outbox dispatchers of all four
        // instances poll, and all four hand their messages to the same recording transport.
        var sharedTransport = transport;
        using var jobsOne = new PortalInstance(first, sharedTransport, jobs: true);
        using var jobsTwo = new PortalInstance(first, sharedTransport, jobs: true);
        _ = jobsOne.Server;
        _ = jobsTwo.Server;
        var ids = await QueueAsync(first, 40);

        var watch = Stopwatch.StartNew();
        while (ids.Any(id => !sharedTransport.Sends.ContainsKey(id)) && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100);
        }

        await Task.Delay(300);
        Assert.All(ids, id => Assert.Equal(1, sharedTransport.Sends.GetValueOrDefault(id)));
        Assert.All(sharedTransport.Sends, s => Assert.Equal(1, s.Value));

        using var scope = first.Services.CreateScope();
        var leases = await scope.ServiceProvider.GetRequiredService<CilPortalDbContext>().JobLeases.AsNoTracking().ToListAsync();
        var holders = new[] { first, second, jobsOne, jobsTwo }.Select(p => p.Services.GetRequiredService<JobLeases>().InstanceId).ToHashSet();
        Assert.Contains(leases, l => l.Name == JobNames.Outbox);
        Assert.Contains(leases, l => l.Name == JobNames.ScoreRecomputation);
        Assert.Contains(leases, l => l.Name == JobNames.RenewalReminders);
        Assert.All(leases, l => Assert.Contains(l.Holder, holders));

        // The scheduled jobs ran in one of the two instances that have them on.
        var jobHolders = new[] { jobsOne, jobsTwo }.Select(p => p.Services.GetRequiredService<JobLeases>().InstanceId).ToHashSet();
        Assert.All(leases.Where(l => l.Name != JobNames.Outbox && l.Name != "essai"), l => Assert.Contains(l.Holder, jobHolders));
    }

    [Fact]
    public async Task Two_instances_starting_together_on_an_empty_database_seed_it_once()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cilportal-empty-{Guid.NewGuid():N}.db");
        try
        {
            using var one = new EmptyDatabasePortal(path);
            using var two = new EmptyDatabasePortal(path);
            await Task.WhenAll(Task.Run(() => one.Server), Task.Run(() => two.Server));

            using var scope = one.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            Assert.Equal(1, await db.ScoringGrids.CountAsync());
            Assert.Equal(1, await db.Epcis.CountAsync());
            Assert.Equal(1, await db.Users.CountAsync(u => u.Email == DemoAccounts.EpciAdministrator));
            Assert.Equal(await db.Communes.Select(c => c.InseeCode).Distinct().CountAsync(), await db.Communes.CountAsync());
            Assert.Equal(await db.Roles.Select(r => r.Name).Distinct().CountAsync(), await db.Roles.CountAsync());
            using var client = two.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_job_lease_has_one_holder_at_a_time_and_passes_to_another_instance_once_it_expires()
    {
        var clock = new MovableClock(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));
        var scopes = first.Services.GetRequiredService<IServiceScopeFactory>();
        var instances = Enumerable.Range(0, 8).Select(_ => new JobLeases(scopes, clock)).ToList();

        // Eight instances try for a new job at the same moment: one wins, whether by INSERT or UPDATE.
        var won = await Task.WhenAll(instances.Select(i => i.TryAcquireAsync("essai", TimeSpan.FromMinutes(5))));
        Assert.Equal(1, won.Count(w => w));
        var holder = instances[Array.IndexOf(won, true)];
        var other = instances.First(i => i != holder);

        Assert.True(await holder.TryAcquireAsync("essai", TimeSpan.FromMinutes(5)));
        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.False(await other.TryAcquireAsync("essai", TimeSpan.FromMinutes(5)));

        // The holder renewed at 0 for 5 minutes: at 5 minutes and a second it is free.
        clock.Advance(TimeSpan.FromMinutes(1.02));
        Assert.True(await other.TryAcquireAsync("essai", TimeSpan.FromMinutes(5)));
        Assert.False(await holder.TryAcquireAsync("essai", TimeSpan.FromMinutes(5)));

        // Given back, it is free at once.
        await other.ReleaseAsync("essai");
        Assert.True(await holder.TryAcquireAsync("essai", TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task A_write_waits_for_a_sqlite_write_lock_held_by_another_connection_instead_of_failing()
    {
        var id = await WithDbAsync(first, db => db.Bailleurs.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync());
        await using var locker = new SqliteConnection(first.ConnectionString);
        await locker.OpenAsync();
        await using (var begin = locker.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE; UPDATE OutboxMessages SET LastError = LastError WHERE 0;";
            await begin.ExecuteNonQueryAsync();
        }

        var watch = Stopwatch.StartNew();
        var write = Task.Run(async () =>
        {
            using var scope = second.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            var bailleur = await db.Bailleurs.SingleAsync(b => b.Id == id);
            bailleur.Name = "Écrit après le verrou";
            await db.SaveChangesAsync();
        });

        await Task.Delay(1500);
        Assert.False(write.IsCompleted, write.Exception?.ToString() ?? "The write did not wait for the lock.");
        await using (var commit = locker.CreateCommand())
        {
            commit.CommandText = "COMMIT;";
            await commit.ExecuteNonQueryAsync();
        }

        await write;
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.4));
        Assert.Equal("Écrit après le verrou", await WithDbAsync(first, db => db.Bailleurs.Where(b => b.Id == id).Select(b => b.Name).SingleAsync()));
    }

    private static async Task<List<long>> QueueAsync(PortalInstance portal, int count)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var messages = Enumerable.Range(1, count)
            .Select(i => outbox.Enqueue(new EmailMessage($"personne{i}@exemple.fr", $"Message {i}", "Texte", "<p>Texte</p>", "essai")))
            .ToList();
        await db.SaveChangesAsync();
        return [.. messages.Select(m => m.Id)];
    }

    private static async Task<T> WithDbAsync<T>(PortalInstance portal, Func<CilPortalDbContext, Task<T>> query)
    {
        using var scope = portal.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<CilPortalDbContext>());
    }

    private sealed class MovableClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset now = start;

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
