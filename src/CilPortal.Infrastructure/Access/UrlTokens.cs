using System.Security.Cryptography;
using System.Text;

namespace CilPortal.Infrastructure.Access;

/// <summary>
/// Unguessable tokens carried by links sent by e-mail (confirmation, cancellation, unsubscription): 160 random
/// bits in lowercase hex. Where a token grants an action, only its SHA-256 is stored and compared in constant time.
/// </summary>
public static class UrlTokens
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));

    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>True when the token's hash is the stored one, compared in constant time.</summary>
    public static bool Matches(string token, string? storedHash) =>
        storedHash is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(storedHash));
}
