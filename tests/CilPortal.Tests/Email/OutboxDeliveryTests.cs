using System.Net;
using System.Net.Sockets;
using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Email;
using CilPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;

namespace CilPortal.Tests.Email;

/// <summary>The portal sending real SMTP to an SMTP server running inside the test process.</summary>
public sealed class SmtpPortal : CilPortalWebFactory
{
    public SmtpPortal()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        SmtpPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Smtp = SimpleSmtpServer.Start(SmtpPort);
    }

    public int SmtpPort { get; }

    public SimpleSmtpServer Smtp { get; set; }

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Outbox:PollMilliseconds"] = "100",
        ["Outbox:RetryBaseSeconds"] = "1",
        ["Outbox:MaxRetrySeconds"] = "1",
    };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Smtp.Dispose();
        }
    }
}

public class OutboxDeliveryTests(SmtpPortal portal) : IClassFixture<SmtpPortal>
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Fact]
    public async Task A_renewal_reminder_reaches_the_smtp_server_in_french_text_and_html_once()
    {
        var nur = await DemandExpiringSoonAsync("rappel@exemple.fr");

        await WaitUntilAsync(() => Received().Any(m => Body(m).Contains(nur, StringComparison.Ordinal)));
        await Task.Delay(500);

        var messages = Received().Where(m => Body(m).Contains(nur, StringComparison.Ordinal)).ToList();
        var message = Assert.Single(messages);
        Assert.Equal("rappel@exemple.fr", message.ToAddresses.Single().Address);
        Assert.Contains("doit être renouvelée avant le", Body(message), StringComparison.Ordinal);
        Assert.Contains(message.MessageParts, p => p.HeaderData.Contains("text/html", StringComparison.Ordinal));
        Assert.Contains(message.MessageParts, p => p.HeaderData.Contains("text/plain", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nothing_is_lost_while_the_smtp_server_is_down_and_the_message_arrives_once_when_it_is_back()
    {
        portal.Smtp.Stop();
        var nur = await DemandExpiringSoonAsync("panne@exemple.fr");
        await WaitUntilAsync(async () =>
        {
            using var scope = portal.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<CilPortalDbContext>().OutboxMessages.AnyAsync(m => m.To == "panne@exemple.fr" && m.Attempts > 0 && m.SentAt == null);
        });

        portal.Smtp = SimpleSmtpServer.Start(portal.SmtpPort);
        await WaitUntilAsync(() => Received().Any(m => Body(m).Contains(nur, StringComparison.Ordinal)));
        await Task.Delay(1500);

        Assert.Single(Received(), m => Body(m).Contains(nur, StringComparison.Ordinal));
        using var check = portal.Services.CreateScope();
        var stored = await check.ServiceProvider.GetRequiredService<CilPortalDbContext>().OutboxMessages.SingleAsync(m => m.To == "panne@exemple.fr");
        Assert.NotNull(stored.SentAt);
    }

    [Fact]
    public async Task The_reminder_is_written_once_per_expiry_date()
    {
        await DemandExpiringSoonAsync("une-fois@exemple.fr");
        using var scope = portal.Services.CreateScope();

        var again = await scope.ServiceProvider.GetRequiredService<RenewalReminderJob>().RunAsync(Today);

        Assert.Equal(0, again);
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<CilPortalDbContext>().OutboxMessages.CountAsync(m => m.To == "une-fois@exemple.fr"));
    }

    /// <summary>Makes a demand expire in 20 days with a new address, then runs the reminder job as the scheduler would.</summary>
    private async Task<string> DemandExpiringSoonAsync(string email)
    {
        _ = portal.Server;
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var demand = await db.Demands.OrderBy(d => d.Id).FirstAsync(d => d.Status == DemandStatus.Active && d.ContactEmail != null && d.ContactEmail.EndsWith("@demo.cilportal.test"));
        demand.ContactEmail = email;
        demand.ExpiresOn = Today.AddDays(20);
        demand.RenewalReminderSentFor = null;
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<RenewalReminderJob>().RunAsync(Today);
        return demand.Nur;
    }

    /// <summary>
    /// The messages the server holds. netDumbster's ReceivedEmail copies its list without a lock and can throw while
    /// a message is being added: read again until a consistent copy comes back.
    /// </summary>
    private IReadOnlyList<SmtpMessage> Received()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return [.. portal.Smtp.ReceivedEmail];
            }
            catch (Exception e) when (e is IndexOutOfRangeException or ArgumentException or InvalidOperationException && attempt < 20)
            {
                Thread.Sleep(50);
            }
        }
    }

    private static string Body(SmtpMessage message) => string.Concat(message.MessageParts.Select(p => p.BodyData));

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        // Generous: a loaded CI machine (two cores, parallel test classes) can take long to run the jobs.
        for (var i = 0; i < 600; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The expected delivery did not happen within 60 seconds.");
    }
}
