using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace CilPortal.Infrastructure.Email;

/// <summary>Settings of the <c>Smtp</c> section. With no host, messages are written as .eml files.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// <summary>SMTP relay; empty to write each message as an .eml file in <see cref="PickupDirectory"/>.</summary>
    public string Host { get; set; } = "";

    public int Port { get; set; } = 25;

    /// <summary>None, StartTls or SslOnConnect.</summary>
    public string Security { get; set; } = "None";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string FromAddress { get; set; } = "ne-pas-repondre@cilportal.local";

    public string FromName { get; set; } = "CilPortal";

    /// <summary>Folder of the .eml files when no host is set, relative to the content root.</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail";
}

/// <summary>Hands one message to the outside world.</summary>
public interface IEmailTransport
{
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>Builds the MIME message: plain text and HTML, a stable Message-Id, List-Unsubscribe when it applies.</summary>
public static class MimeBuilder
{
    public static MimeMessage Build(OutboxMessage message, SmtpOptions options)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(options);
        var mime = new MimeMessage
        {
            // The same id on every attempt, so that a receiving server can drop a duplicate.
            MessageId = $"outbox-{message.Id}@cilportal",
            Subject = message.Subject,
            Date = new DateTimeOffset(message.CreatedAt, TimeSpan.Zero),
        };
        mime.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));
        if (message.UnsubscribeUrl is not null)
        {
            // RFC 2369 and RFC 8058: mail clients can stop the notices in one click (a POST to the same address).
            mime.Headers.Add("List-Unsubscribe", $"<{message.UnsubscribeUrl}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }
}

/// <summary>Sends through an SMTP relay with MailKit.</summary>
public sealed class SmtpEmailTransport(SmtpOptions options) : IEmailTransport
{
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        using var mime = MimeBuilder.Build(message, options);
        using var client = new SmtpClient { Timeout = 15_000 };
        var security = Enum.TryParse<SecureSocketOptions>(options.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.None;
        await client.ConnectAsync(options.Host, options.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>No SMTP server configured (the embedded default): each message becomes an .eml file, and its path is logged.</summary>
public sealed class PickupDirectoryTransport(SmtpOptions options, string folder, ILogger<PickupDirectoryTransport> logger) : IEmailTransport
{
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{message.CreatedAt:yyyyMMdd-HHmmss}-{message.Id}.eml");
        using var mime = MimeBuilder.Build(message, options);
        await mime.WriteToAsync(path, cancellationToken);
        logger.LogInformation("Courriel « {Subject} » écrit dans {Path} (aucun serveur SMTP configuré).", message.Subject, path);
    }
}
