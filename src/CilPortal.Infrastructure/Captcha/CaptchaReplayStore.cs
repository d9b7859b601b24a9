using CilPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CilPortal.Infrastructure.Captcha;

/// <summary>A solved ALTCHA challenge, kept until it expires so that it is accepted once, whichever instance receives it.</summary>
public class UsedCaptchaChallenge
{
    public long Id { get; set; }

    /// <summary>The challenge (hex SHA-256), unique: a second insert of the same one is a replay.</summary>
    public string Challenge { get; set; } = "";

    /// <summary>When the challenge expires (UTC); the row may be deleted after that.</summary>
    public DateTime ExpiresAt { get; set; }
}

/// <summary>
/// Accepts each solved challenge once, in the database (a unique index decides between two instances that receive the same
/// payload at the same moment). Expired rows are removed by <see cref="PurgeExpiredAsync"/>, run with the scheduled jobs.
/// </summary>
public sealed class CaptchaReplayStore(CilPortalDbContext db, TimeProvider clock, ILogger<CaptchaReplayStore> logger)
{
    /// <summary>Records the challenge as used; false when it already was.</summary>
    public async Task<bool> TryConsumeAsync(string challenge, DateTime expiresAtUtc, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(challenge);
        var row = new UsedCaptchaChallenge { Challenge = challenge, ExpiresAt = expiresAtUtc };
        var entry = db.UsedCaptchaChallenges.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            logger.LogWarning("Vérification anti-robot rejouée : défi déjà utilisé.");
            return false;
        }
        finally
        {
            // The page's own save must neither insert the row again nor carry it.
            entry.State = EntityState.Detached;
        }
    }

    /// <summary>Deletes the challenges that have expired (they can no longer be accepted anyway); returns how many.</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.UsedCaptchaChallenges.Where(c => c.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
    }
}
