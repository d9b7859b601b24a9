using System.Globalization;
using System.Security.Cryptography;
using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Email;
using CilPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CilPortal.Infrastructure.Access;

public enum LinkOutcome
{
    Linked,
    WrongCode,
    Expired,
}

/// <summary>
/// "Rattacher ma demande": NUR + the applicant's birth date, then a one-time code sent to the e-mail
/// recorded on the demand. Whether the first step matched is never told: the same answer is given and
/// the code simply never works.
/// </summary>
public sealed class DemandLinking(CilPortalDbContext db, Outbox outbox, IPasswordHasher<Demand> hasher, TimeProvider clock, JobOptions portal, ILogger<DemandLinking> logger)
{
    public const int MaxAttempts = 5;
    public static readonly TimeSpan Validity = TimeSpan.FromMinutes(15);

    /// <summary>Starts a challenge and returns its id; sends the code only when the NUR and birth date match a demand with an e-mail.</summary>
    public async Task<int> StartAsync(ApplicationUser user, string? nurInput, DateOnly birthDate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var nur = Nur.Normalise(nurInput);
        var demand = Nur.IsWellFormed(nur)
            ? await db.Demands.ActiveOn(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).Where(d => d.Nur == nur && d.ContactEmail != null
                    && d.Members.Any(m => m.Role == HouseholdRole.Applicant && m.BirthDate == birthDate))
                .Select(d => new { d.Id, d.Nur, d.ContactEmail })
                .SingleOrDefaultAsync(cancellationToken)
            : null;
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var challenge = new DemandLinkChallenge
        {
            UserId = user.Id,
            DemandId = demand?.Id,
            CodeHash = hasher.HashPassword(new Demand(), code),
            ExpiresAt = clock.GetUtcNow().UtcDateTime.Add(Validity),
        };
        db.DemandLinkChallenges.Add(challenge);
        if (demand is not null)
        {
            outbox.Enqueue(LinkCode(demand.ContactEmail!, demand.Nur, code));
        }
        else
        {
            logger.LogInformation("Rattachement demandé par {User} pour {Nur} : aucune demande ne correspond.", user.Id, nur);
        }

        await db.SaveChangesAsync(cancellationToken);
        return challenge.Id;
    }

    public async Task<LinkOutcome> CompleteAsync(ApplicationUser user, int challengeId, string? codeInput, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var challenge = await db.DemandLinkChallenges.SingleOrDefaultAsync(c => c.Id == challengeId && c.UserId == user.Id, cancellationToken);
        if (challenge is null || challenge.Used || challenge.FailedAttempts >= MaxAttempts || challenge.ExpiresAt < clock.GetUtcNow().UtcDateTime)
        {
            return LinkOutcome.Expired;
        }

        var code = new string((codeInput ?? "").Where(char.IsAsciiDigit).ToArray());
        var valid = hasher.VerifyHashedPassword(new Demand(), challenge.CodeHash, code) != PasswordVerificationResult.Failed;
        if (!valid || challenge.DemandId is null)
        {
            challenge.FailedAttempts++;
            await db.SaveChangesAsync(cancellationToken);
            return challenge.FailedAttempts >= MaxAttempts ? LinkOutcome.Expired : LinkOutcome.WrongCode;
        }

        challenge.Used = true;
        var tracked = await db.Users.SingleAsync(u => u.Id == user.Id, cancellationToken);
        tracked.LinkedDemandId = challenge.DemandId;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demande {DemandId} rattachée au compte {User}.", challenge.DemandId, user.Id);
        return LinkOutcome.Linked;
    }

    private EmailMessage LinkCode(string to, string nur, string code)
    {
        var text = $"""
            Bonjour,

            Quelqu'un demande à suivre votre demande de logement social n° {nur} depuis un compte en ligne.
            Si c'est vous, saisissez ce code (valable 15 minutes) : {code}

            Si ce n'est pas vous, ne communiquez ce code à personne et ignorez ce message.

            {portal.EpciName} — service d'information des demandeurs de logement social.
            """;
        var html = $"""
            <p>Bonjour,</p>
            <p>Quelqu'un demande à suivre votre demande de logement social n° <strong>{nur}</strong> depuis un compte en ligne.</p>
            <p>Si c'est vous, saisissez ce code (valable 15 minutes) : <strong style="font-size:1.4em;letter-spacing:0.1em">{code}</strong></p>
            <p>Si ce n'est pas vous, ne communiquez ce code à personne et ignorez ce message.</p>
            """;
        return new EmailMessage(to, "Votre code pour suivre votre demande de logement", text, html, "code-rattachement");
    }
}
