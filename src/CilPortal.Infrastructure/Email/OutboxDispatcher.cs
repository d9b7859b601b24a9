using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Jobs;
using CilPortal.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CilPortal.Infrastructure.Email;

/// <summary>Settings of the <c>Outbox</c> section.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>How often the outbox is read when idle.</summary>
    public int PollMilliseconds { get; set; } = 5000;

    /// <summary>First wait after a failure; it doubles at each attempt, up to <see cref="MaxRetrySeconds"/>.</summary>
    public int RetryBaseSeconds { get; set; } = 30;

    public int MaxRetrySeconds { get; set; } = 3600;

    public int BatchSize { get; set; } = 20;

    /// <summary>How long a dispatcher keeps a message it claimed before another may try it (a crash during the send).</summary>
    public int ClaimSeconds { get; set; } = 300;
}

/// <summary>
/// Sends what is due in the outbox, marks each message sent once it is, and retries the others with backoff. With several
/// instances of the portal, the one holding the <see cref="JobNames.Outbox"/> lease polls; and each message is claimed
/// by one conditional UPDATE before it is sent, so that two dispatchers running at once (a lease taken over while the
/// former holder is still sending, or a direct call) never send it twice.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IEmailTransport transport, OutboxOptions options, JobLeases leases, TimeProvider clock, ILogger<OutboxDispatcher> logger)
    : BackgroundService, IDisposable
{
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    public override void Dispose()
    {
        oneAtATime.Dispose();
        base.Dispose();
    }

    /// <summary>Sends the due messages once; returns how many were sent. One pass at a time in the process.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await oneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await DispatchAsync(cancellationToken);
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private async Task<int> DispatchAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.Id)
            .Take(options.BatchSize)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var message in due)
        {
            // The claim: the row moves its next attempt past the claim's end only if it is still unsent and due, which
            // one dispatcher only can do; the others skip it.
            var claimedUntil = clock.GetUtcNow().UtcDateTime.AddSeconds(options.ClaimSeconds);
            var id = message.Id;
            var claimed = await db.OutboxMessages
                .Where(m => m.Id == id && m.SentAt == null && m.NextAttemptAt <= now)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.NextAttemptAt, claimedUntil), cancellationToken);
            if (claimed == 0)
            {
                db.Entry(message).State = EntityState.Detached;
                continue;
            }

            try
            {
                await transport.SendAsync(message, cancellationToken);
                message.SentAt = clock.GetUtcNow().UtcDateTime;
                message.LastError = null;
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                message.Attempts++;
                var wait = Math.Min(options.MaxRetrySeconds, options.RetryBaseSeconds * Math.Pow(2, message.Attempts - 1));
                message.NextAttemptAt = clock.GetUtcNow().UtcDateTime.AddSeconds(wait);
                message.LastError = e.Message.Length > 500 ? e.Message[..500] : e.Message;
                logger.LogWarning("Envoi du courriel {Id} ({Kind}) échoué, tentative {Attempt} : {Error}. Nouvel essai dans {Wait} s.",
                    message.Id, message.Kind, message.Attempts, e.Message, wait);
            }

            // Saved after each message, so that a message sent is never sent again after a crash or restart.
            await db.SaveChangesAsync(cancellationToken);
        }

        return sent;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(options.PollMilliseconds);
        return PeriodicWork.RunAsync(
            async cancellationToken =>
            {
                if (await leases.TryAcquireAsync(JobNames.Outbox, JobLeases.For(interval), cancellationToken))
                {
                    await DispatchDueAsync(cancellationToken);
                }
            },
            interval,
            clock,
            e => logger.LogError(e, "La boîte d'envoi n'a pas pu être lue."),
            stoppingToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await leases.ReleaseQuietlyAsync(logger, cancellationToken, JobNames.Outbox);
    }
}
