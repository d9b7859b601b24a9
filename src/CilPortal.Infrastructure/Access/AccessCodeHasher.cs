using System.Security.Cryptography;
using System.Text;
using CilPortal.Domain.Demands;
using Microsoft.AspNetCore.Identity;

namespace CilPortal.Infrastructure.Access;

/// <summary>
/// The secret that keys the hashes of the demands' access codes and attachment codes. It lives outside the database
/// (environment or secret store): a copy of the database alone gives no way to test a single code offline.
/// </summary>
public sealed class AccessCodeKey
{
    public const string Section = "AccessCodes";

    /// <summary>The shortest key accepted, in characters.</summary>
    public const int MinimumLength = 32;

    public AccessCodeKey(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length < MinimumLength)
        {
            throw new ArgumentException($"La clé des codes d'accès compte {MinimumLength} caractères au moins.", nameof(secret));
        }

        Bytes = Encoding.UTF8.GetBytes(secret);

        // Written in each hash: a code hashed under another key is refused as such, not compared with a wrong result.
        Id = Convert.ToHexStringLower(SHA256.HashData(Bytes).AsSpan(0, 4));
    }

    internal byte[] Bytes { get; }

    /// <summary>Eight hex digits that name the key (a hash of it) without revealing it.</summary>
    public string Id { get; }
}

/// <summary>
/// Hashes the codes the portal itself draws at random — the personal access code of the information sheet (50 bits) and
/// the attachment code sent by e-mail — with HMAC-SHA256 under <see cref="AccessCodeKey"/> and a random salt per code.
/// <para>
/// Why not PBKDF2 as for passwords (issue #11, SECURITY.md): a slow hash protects a password that people choose and reuse
/// elsewhere against whoever copies the database. These codes are random, used nowhere else, and guard data that lives in
/// that same database; the key kept outside it makes a copy of the database useless for testing codes, which a slow hash
/// only makes expensive. And a slow hash on a public form lets anyone spend the server's CPU: 300 ms of one core per
/// guess at 210,000 iterations, for an unknown number as much as for a real one.
/// </para>
/// <para>
/// A code hashed with PBKDF2 before this change (Identity's format) is still checked, then hashed again with the key
/// after its next successful use.
/// </para>
/// </summary>
public sealed class AccessCodeHasher(AccessCodeKey key, PasswordHasher<Demand> legacy) : IPasswordHasher<Demand>
{
    /// <summary>The start of a hash made here: <c>$hmac1$keyid$salt$mac</c> (salt and mac in base 64).</summary>
    public const string Prefix = "$hmac1$";

    private const int SaltLength = 16;

    public string HashPassword(Demand user, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltLength);
        return $"{Prefix}{key.Id}${Convert.ToBase64String(salt)}${Convert.ToBase64String(Mac(salt, password))}";
    }

    public PasswordVerificationResult VerifyHashedPassword(Demand user, string hashedPassword, string providedPassword)
    {
        ArgumentNullException.ThrowIfNull(hashedPassword);
        ArgumentNullException.ThrowIfNull(providedPassword);
        if (!hashedPassword.StartsWith(Prefix, StringComparison.Ordinal))
        {
            // Identity's PBKDF2 format, from before the key: checked as it was, then replaced by a keyed hash.
            Span<byte> decoded = stackalloc byte[128];
            if (!Convert.TryFromBase64String(hashedPassword, decoded, out _))
            {
                return PasswordVerificationResult.Failed;
            }

            return legacy.VerifyHashedPassword(user, hashedPassword, providedPassword) == PasswordVerificationResult.Failed
                ? PasswordVerificationResult.Failed
                : PasswordVerificationResult.SuccessRehashNeeded;
        }

        var parts = hashedPassword[Prefix.Length..].Split('$');
        Span<byte> salt = stackalloc byte[SaltLength];
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (parts.Length != 3
            || !Convert.TryFromBase64String(parts[1], salt, out var saltLength) || saltLength != SaltLength
            || !Convert.TryFromBase64String(parts[2], expected, out var macLength) || macLength != HMACSHA256.HashSizeInBytes)
        {
            return PasswordVerificationResult.Failed;
        }

        // A hash made under another key cannot be checked: the code has to be issued again. The computation is done anyway,
        // so that the answer takes as long.
        var actual = Mac(salt.ToArray(), providedPassword);
        var sameKey = string.Equals(parts[0], key.Id, StringComparison.Ordinal);
        return CryptographicOperations.FixedTimeEquals(actual, expected) && sameKey
            ? PasswordVerificationResult.Success
            : PasswordVerificationResult.Failed;
    }

    /// <summary>Whether a hash was made with a key other than the current one (a code to issue again).</summary>
    public bool IsUnderAnotherKey(string? hash) =>
        hash is not null && hash.StartsWith(Prefix, StringComparison.Ordinal) && !hash.AsSpan(Prefix.Length).StartsWith(key.Id + "$", StringComparison.Ordinal);

    private byte[] Mac(byte[] salt, string code)
    {
        var codeBytes = Encoding.UTF8.GetBytes(code);
        var message = new byte[salt.Length + codeBytes.Length];
        salt.CopyTo(message, 0);
        codeBytes.CopyTo(message, salt.Length);
        return HMACSHA256.HashData(key.Bytes, message);
    }
}
