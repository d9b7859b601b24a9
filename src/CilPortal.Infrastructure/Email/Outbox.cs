using CilPortal.Infrastructure.Data;

namespace CilPortal.Infrastructure.Email;

/// <summary>
/// A message waiting to be sent, written in the same transaction as the change that causes it, then
/// sent by <see cref="OutboxDispatcher"/> with retries. Once <see cref="SentAt"/> is set it is never sent again.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }

    public DateTime CreatedAt { get; set; }

    public string To { get; set; } = "";

    public string Subject { get; set; } = "";

    public string TextBody { get; set; } = "";

    public string HtmlBody { get; set; } = "";

    /// <summary>What the message is (renouvellement, code, décision…), for the logs and the administrator.</summary>
    public string Kind { get; set; } = "";

    /// <summary>For non-mandatory notices: the page where the recipient stops them.</summary>
    public string? UnsubscribeUrl { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public DateTime? SentAt { get; set; }

    public string? LastError { get; set; }
}

/// <summary>A message to send, as the code that causes it writes it.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string HtmlBody, string Kind, string? UnsubscribeUrl = null);

/// <summary>Puts messages in the outbox of the current unit of work: they are saved, or lost, with it.</summary>
public sealed class Outbox(CilPortalDbContext db, TimeProvider clock)
{
    public OutboxMessage Enqueue(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = clock.GetUtcNow().UtcDateTime;
        var entry = new OutboxMessage
        {
            CreatedAt = now,
            NextAttemptAt = now,
            To = message.To,
            Subject = message.Subject,
            TextBody = message.TextBody,
            HtmlBody = message.HtmlBody,
            Kind = message.Kind,
            UnsubscribeUrl = message.UnsubscribeUrl,
        };
        db.OutboxMessages.Add(entry);
        return entry;
    }
}
