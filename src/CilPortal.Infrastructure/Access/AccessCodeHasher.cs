using System.Security.Cryptography;
using System.Text;
using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Time;
using Microsoft.AspNetCore.Identity;

namespace CilPortal.Infrastructure.Access;

/// <summary>
/// A secret that keys the hashes of the demands' access codes and attachment codes. It lives outside the database
/// (environment or secret store): a copy of the database alone gives no way to test a single code offline.
/// </summary>
public sealed class AccessCodeKey
{
    /// <summary>The shortest key accepted, in characters.</summary>
    public const int MinimumLength = 32;

    public AccessCodeKey(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length < MinimumLength || secret.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"Une clé des codes d'accès compte {MinimumLength} caractères au moins, sans espace.", nameof(secret));
        }

        Bytes = Encoding.UTF8.GetBytes(secret);

        // Written in each hash: a code hashed under a former key is found again, one under an unknown key refused as such.
        Id = Convert.ToHexStringLower(SHA256.HashData(Bytes).AsSpan(0, 4));
    }

    internal byte[] Bytes { get; }

    /// <summary>Eight hex digits that name the key (a hash of it) without revealing it.</summary>
    public string Id { get; }
}

/// <summary>
/// What <see cref="AccessCodeHasher"/> accepts: the current key (new hashes), former keys (checked, then the code hashed
/// again under the current one) and, until <see cref="Pbkdf2CodesValidUntil"/>, the PBKDF2 hashes made before the key.
/// </summary>
public sealed class AccessCodeHashSettings(AccessCodeKey current, IReadOnlyList<AccessCodeKey> previous, DateOnly? pbkdf2CodesValidUntil)
{
    public const string Section = "AccessCodes";

    public AccessCodeKey Current { get; } = current;

    public IReadOnlyList<AccessCodeKey> Previous { get; } = previous;

    /// <summary>The last day a code hashed with PBKDF2 before the key is accepted (Paris date); null: no end.</summary>
    public DateOnly? Pbkdf2CodesValidUntil { get; } = pbkdf2CodesValidUntil;

    internal AccessCodeKey? Find(ReadOnlySpan<char> id)
    {
        if (id.SequenceEqual(Current.Id))
        {
            return Current;
        }

        foreach (var key in Previous)
        {
            if (id.SequenceEqual(key.Id))
            {
                return key;
            }
        }

        return null;
    }
}

/// <summary>
/// Hashes the codes the portal itself draws at random — the personal access code of the information sheet (50 bits) and
/// the attachment code sent by e-mail — with HMAC-SHA256 under the key of <see cref="AccessCodeHashSettings"/> and a
/// random salt per code.
/// <para>
/// Why not PBKDF2 as for passwords (issue #11, SECURITY.md): a slow hash protects a password that people choose and reuse
/// elsewhere against whoever copies the database. These codes are random, used nowhere else, and guard data that lives in
/// that same database; the key kept outside it makes a copy of the database useless for testing codes, which a slow hash
/// only makes expensive. And a slow hash on a public form lets anyone spend the server's CPU: 300 ms of one core per
/// guess at 210,000 iterations, for an unknown number as much as for a real one.
/// </para>
/// <para>
/// A code hashed with PBKDF2 before the key (Identity's format) is still checked until
/// <see cref="AccessCodeHashSettings.Pbkdf2CodesValidUntil"/>, then hashed again with the key after its next successful
/// use; <see cref="DemandAccessService"/> keeps every answer as slow as such a check while such codes remain, so that
/// their slowness does not tell their numbers from the others.
/// </para>
/// </summary>
public sealed class AccessCodeHasher(AccessCodeHashSettings settings, PasswordHasher<Demand> pbkdf2, ParisClock clock) : IPasswordHasher<Demand>
{
    /// <summary>The start of a hash made here: <c>$hmac1$keyid$salt$mac</c> (salt and mac in base 64).</summary>
    public const string Prefix = "$hmac1$";

    private const int SaltLength = 16;

    private readonly Lazy<string> pbkdf2Decoy = new(() => pbkdf2.HashPassword(new Demand(), AccessCode.Generate()));

    /// <summary>Whether a hash is one of the PBKDF2 hashes made before the key.</summary>
    public static bool IsPbkdf2(string? hash) => hash is not null && !hash.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Whether codes hashed with PBKDF2 are still accepted today.</summary>
    public bool AcceptsPbkdf2Codes =>
        settings.Pbkdf2CodesValidUntil is not { } until || clock.Today <= until;

    public string HashPassword(Demand user, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltLength);
        return $"{Prefix}{settings.Current.Id}${Convert.ToBase64String(salt)}${Convert.ToBase64String(Mac(settings.Current, salt, password))}";
    }

    public PasswordVerificationResult VerifyHashedPassword(Demand user, string hashedPassword, string providedPassword)
    {
        ArgumentNullException.ThrowIfNull(hashedPassword);
        ArgumentNullException.ThrowIfNull(providedPassword);
        if (IsPbkdf2(hashedPassword))
        {
            return VerifyPbkdf2(user, hashedPassword, providedPassword);
        }

        Span<byte> salt = stackalloc byte[SaltLength];
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (!TryParse(hashedPassword, out var keyId, salt, expected))
        {
            return PasswordVerificationResult.Failed;
        }

        // Under an unknown key the code cannot be checked (it has to be issued again); the computation is done anyway, so
        // that the answer takes as long.
        var key = settings.Find(keyId);
        var actual = Mac(key ?? settings.Current, salt.ToArray(), providedPassword);
        if (!CryptographicOperations.FixedTimeEquals(actual, expected) || key is null)
        {
            return PasswordVerificationResult.Failed;
        }

        return key == settings.Current ? PasswordVerificationResult.Success : PasswordVerificationResult.SuccessRehashNeeded;
    }

    /// <summary>Whether a keyed hash was made under none of the known keys (a code to issue again).</summary>
    public bool IsUnderAnotherKey(string? hash)
    {
        Span<byte> salt = stackalloc byte[SaltLength];
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        return hash is not null && TryParse(hash, out var keyId, salt, mac) && settings.Find(keyId) is null;
    }

    /// <summary>The key id, salt and mac of a hash made here; false when the text is not one (nothing is thrown).</summary>
    private static bool TryParse(string hash, out string keyId, Span<byte> salt, Span<byte> mac)
    {
        keyId = "";
        if (!hash.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = hash[Prefix.Length..].Split('$');
        if (parts.Length != 3
            || !Convert.TryFromBase64String(parts[1], salt, out var saltLength) || saltLength != SaltLength
            || !Convert.TryFromBase64String(parts[2], mac, out var macLength) || macLength != HMACSHA256.HashSizeInBytes)
        {
            return false;
        }

        keyId = parts[0];
        return true;
    }

    /// <summary>Spends what checking a PBKDF2 hash costs, on a decoy: an answer then takes as long as for such a code.</summary>
    public void SpendPbkdf2Check() => pbkdf2.VerifyHashedPassword(new Demand(), pbkdf2Decoy.Value, AccessCode.Generate());

    private PasswordVerificationResult VerifyPbkdf2(Demand user, string hashedPassword, string providedPassword)
    {
        Span<byte> decoded = stackalloc byte[128];
        if (!AcceptsPbkdf2Codes || !Convert.TryFromBase64String(hashedPassword, decoded, out _))
        {
            // Refused without its slow check, at the cost of a keyed one.
            Mac(settings.Current, new byte[SaltLength], providedPassword);
            return PasswordVerificationResult.Failed;
        }

        return pbkdf2.VerifyHashedPassword(user, hashedPassword, providedPassword) == PasswordVerificationResult.Failed
            ? PasswordVerificationResult.Failed
            : PasswordVerificationResult.SuccessRehashNeeded;
    }

    private static byte[] Mac(AccessCodeKey key, byte[] salt, string code)
    {
        var codeBytes = Encoding.UTF8.GetBytes(code);
        var message = new byte[salt.Length + codeBytes.Length];
        salt.CopyTo(message, 0);
        codeBytes.CopyTo(message, salt.Length);
        return HMACSHA256.HashData(key.Bytes, message);
    }
}
