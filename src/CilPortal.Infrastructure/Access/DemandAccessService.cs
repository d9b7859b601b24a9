using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Statistics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;

namespace CilPortal.Infrastructure.Access;

public enum AccessOutcome
{
    Granted,

    /// <summary>Unknown NUR, no code issued, or wrong code: the applicant is told the same thing in all cases.</summary>
    Refused,

    /// <summary>Too many failures for this NUR lately.</summary>
    TooManyAttempts,
}

public sealed record AccessResult(AccessOutcome Outcome, int? DemandId);

/// <summary>
/// Access to a demand without an account: NUR + personal access code. The code is stored hashed under a key kept out of
/// the database (<see cref="AccessCodeHasher"/>); an unknown NUR costs the same hash check as a wrong code, so that neither
/// the answer nor its time tells whether a NUR exists. Failures are counted per NUR and logged.
/// </summary>
public sealed class DemandAccessService(
    CilPortalDbContext db, IPasswordHasher<Demand> hasher, IMemoryCache cache, TimeProvider clock, ILogger<DemandAccessService> logger)
{
    public const int MaxFailuresPerNur = 5;
    public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(15);

    /// <summary>
    /// A hash of a random code, checked when the NUR is unknown so that every answer takes as long; made by the same
    /// hasher as the real codes, once per hasher.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPasswordHasher<Demand>, string> DecoyHashes = [];

    /// <summary>The demand of a NUR and its code's hash; compiled, since the anonymous lookup runs it at each post (issue #11).</summary>
    private static readonly Func<CilPortalDbContext, string, CancellationToken, Task<DemandCode?>> CodeOfNur = EF.CompileAsyncQuery(
        (CilPortalDbContext db, string nur, CancellationToken _) => db.Demands.Where(d => d.Nur == nur).Select(d => new DemandCode(d.Id, d.AccessCodeHash)).SingleOrDefault());

    /// <summary>Issues a new code for a demand (the previous one stops working) and returns it, to print once.</summary>
    public async Task<string> IssueAsync(int demandId, CancellationToken cancellationToken = default)
    {
        var demand = await db.Demands.SingleAsync(d => d.Id == demandId, cancellationToken);
        var code = AccessCode.Generate();
        demand.AccessCodeHash = hasher.HashPassword(demand, AccessCode.Normalise(code));
        demand.AccessCodeIssuedOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return code;
    }

    /// <summary>
    /// Whether some demand still holds a code hashed with PBKDF2 before the key; asked again every ten minutes, by one
    /// request for all those that find the answer missing (it reads every demand).
    /// </summary>
    private Task<bool> Pbkdf2CodesRemainAsync(CancellationToken cancellationToken) =>
        cache.GetOrComputeOnceAsync(
            "pbkdf2-access-codes-remain",
            TimeSpan.FromMinutes(10),
            () => db.Demands.AnyAsync(d => d.AccessCodeHash != null && !d.AccessCodeHash.StartsWith(AccessCodeHasher.Prefix), CancellationToken.None),
            cancellationToken);

    public async Task<AccessResult> VerifyAsync(string? nurInput, string? codeInput, string? clientAddress, CancellationToken cancellationToken = default)
    {
        var nur = Nur.Normalise(nurInput);
        var code = AccessCode.Normalise(codeInput);
        var key = ("demand-access-failures", nur);
        if (cache.TryGetValue(key, out int count) && count >= MaxFailuresPerNur)
        {
            logger.LogWarning("Accès à la demande {Nur} refusé : trop d'essais (adresse {Address}).", nur, clientAddress);
            return new AccessResult(AccessOutcome.TooManyAttempts, null);
        }

        var demand = Nur.IsWellFormed(nur) ? await CodeOfNur(db, nur, cancellationToken) : null;
        var hash = demand?.AccessCodeHash ?? DecoyHashes.GetValue(hasher, h => h.HashPassword(new Demand(), AccessCode.Generate()));
        var keyed = hasher as AccessCodeHasher;
        if (keyed is not null && keyed.AcceptsPbkdf2Codes && !AccessCodeHasher.IsPbkdf2(hash) && await Pbkdf2CodesRemainAsync(cancellationToken))
        {
            // While codes hashed with PBKDF2 before the key remain, every answer costs as much as their slow check: its
            // time must not tell their numbers from the others (unknown ones included).
            keyed.SpendPbkdf2Check();
        }

        if (keyed is not null && keyed.IsUnderAnotherKey(demand?.AccessCodeHash))
        {
            logger.LogWarning("Le code d'accès de la demande {Nur} a été haché sous une clé inconnue (ni AccessCodes:HmacKey ni AccessCodes:PreviousHmacKeys) : il faut en délivrer un nouveau.", nur);
        }

        var verification = hasher.VerifyHashedPassword(new Demand(), hash, code);
        if (verification != PasswordVerificationResult.Failed && demand?.AccessCodeHash is not null)
        {
            cache.Remove(key);
            if (verification == PasswordVerificationResult.SuccessRehashNeeded)
            {
                var upgraded = hasher.HashPassword(new Demand(), code);
                await db.Demands.Where(d => d.Id == demand.Id && d.AccessCodeHash == demand.AccessCodeHash)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.AccessCodeHash, upgraded), cancellationToken);
            }

            return new AccessResult(AccessOutcome.Granted, demand.Id);
        }

        cache.Set(key, count + 1, FailureWindow);
        logger.LogWarning("Accès à la demande {Nur} refusé : numéro ou code incorrect (essai {Attempt}, adresse {Address}).", nur, count + 1, clientAddress);
        return new AccessResult(AccessOutcome.Refused, null);
    }
}

/// <summary>A demand's id and the hash of its access code, as the lookup reads them.</summary>
internal sealed record DemandCode(int Id, string? AccessCodeHash);
