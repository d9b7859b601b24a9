using CilPortal.Infrastructure.Data;
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
}

/// <summary>Sends what is due in the outbox, marks each message sent once it is, and retries the others with backoff.</summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IEmailTransport transport, OutboxOptions options, TimeProvider clock, ILogger<OutboxDispatcher> logger)
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

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(DispatchDueAsync, TimeSpan.FromMilliseconds(options.PollMilliseconds), clock,
            e => logger.LogError(e, "La boîte d'envoi n'a pas pu être lue."), stoppingToken);
}
