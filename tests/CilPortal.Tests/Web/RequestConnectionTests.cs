using System.Diagnostics;
using System.Net;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Tests.Access;
using CilPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Web;

/// <summary>
/// A signed-in page checks its session and reads its data on one database connection, opened by the check and closed
/// when the request ends (RequestConnection, issue #11): one open and close per request instead of one per step; the
/// status lookup without account likewise. The events are counted for the test's database file, so the portal's own
/// background work must stay quiet while a test listens: <see cref="QuietPortal"/>.
/// </summary>
public sealed class RequestConnectionTests(RequestConnectionTests.QuietPortal factory) : IClassFixture<RequestConnectionTests.QuietPortal>
{
    /// <summary>
    /// The outbox dispatcher polls its table every 5 seconds even with the scheduled jobs off (a lease taken, then the due
    /// messages read: two connections of its own); counted with the request's, they failed a test now and then (CI: 5
    /// opened, 4 closed). Here it passes once at start-up and then not for an hour.
    /// </summary>
    public sealed class QuietPortal : CilPortalWebFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Outbox:PollMilliseconds"] = "3600000" };
    }

    [Fact]
    public async Task A_signed_in_page_opens_one_connection_and_closes_it_when_the_request_ends()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(DemoAccounts.Applicant);

        // The first view fills the caches the page reads from memory afterwards; the second is every later view.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/ma-demande", UriKind.Relative))).StatusCode);
        using var connections = await ConnectionEvents.StartAsync(factory.DatabasePath);
        var page = await client.GetAsync(new Uri("/ma-demande", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("class=\"nur\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await connections.WaitUntilAllClosedAsync();
        Assert.Equal(1, connections.Opened);
        Assert.Equal(1, connections.Closed);
    }

    [Fact]
    public async Task A_session_refused_by_its_check_leaves_no_connection_open()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(DemoAccounts.Tenant2);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/echanges/mon-espace", UriKind.Relative))).StatusCode);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            await db.Users.Where(u => u.Email == DemoAccounts.Tenant2).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false));
        }

        using var connections = await ConnectionEvents.StartAsync(factory.DatabasePath);
        var page = await client.GetAsync(new Uri("/echanges/mon-espace", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/compte/connexion", page.Headers.Location?.AbsolutePath, StringComparison.Ordinal);
        await connections.WaitUntilAllClosedAsync();
        Assert.True(connections.Opened >= 1, $"opened {connections.Opened}, closed {connections.Closed}");
        Assert.Equal(connections.Opened, connections.Closed);
    }

    [Fact]
    public async Task The_status_lookup_checks_the_code_and_reads_the_demand_on_one_connection()
    {
        var nur = await DemandLookupTests.DemoApplicantNurAsync(factory);
        var client = factory.CreateClient();
        await DemandLookupTests.LookupAsync(client, nur, DemoAccounts.ApplicantAccessCode);
        using var connections = await ConnectionEvents.StartAsync(factory.DatabasePath);
        var html = await DemandLookupTests.LookupAsync(client, nur, DemoAccounts.ApplicantAccessCode);

        Assert.Contains($"class=\"nur\">{nur}<", html, StringComparison.Ordinal);
        await connections.WaitUntilAllClosedAsync();
        Assert.Equal(1, connections.Opened);
        Assert.Equal(1, connections.Closed);
    }

    /// <summary>EF Core's connection events for one database file, from every context of the process.</summary>
    private sealed class ConnectionEvents : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string databasePath;
        private readonly List<IDisposable> subscriptions = [];
        private int opened;
        private int closed;

        private ConnectionEvents(string databasePath)
        {
            this.databasePath = databasePath;
            subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }

        /// <summary>
        /// Listens from now on. EF Core remembers for a second whether anyone listens to its connection events
        /// (<c>ConfigureLoggingCacheTime</c>): the events of the next second could go unheard.
        /// </summary>
        public static async Task<ConnectionEvents> StartAsync(string databasePath)
        {
            var events = new ConnectionEvents(databasePath);
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            return events;
        }

        public int Opened => Volatile.Read(ref opened);

        public int Closed => Volatile.Read(ref closed);

        /// <summary>The connection is closed when the request's services are disposed, just after its response is sent.</summary>
        public async Task WaitUntilAllClosedAsync()
        {
            for (var i = 0; i < 100 && Closed < Opened; i++)
            {
                await Task.Delay(50);
            }
        }

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (subscriptions)
                {
                    subscriptions.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Value is ConnectionEndEventData data && data.Connection.ConnectionString.Contains(databasePath, StringComparison.Ordinal))
            {
                if (value.Key == RelationalEventId.ConnectionOpened.Name)
                {
                    Interlocked.Increment(ref opened);
                }
                else if (value.Key == RelationalEventId.ConnectionClosed.Name)
                {
                    Interlocked.Increment(ref closed);
                }
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            lock (subscriptions)
            {
                subscriptions.ForEach(s => s.Dispose());
            }
        }
    }
}
