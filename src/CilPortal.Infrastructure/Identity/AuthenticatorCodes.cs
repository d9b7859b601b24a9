using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace CilPortal.Infrastructure.Identity;

/// <summary>
/// Time-based one-time codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) from an authenticator key in
/// base 32, as authenticator apps compute them. <see cref="ReplayProtectedAuthenticatorTokenProvider"/> verifies the
/// codes with them; the portal also shows the current one for a demo account (demo mode), so that a visitor can sign in
/// as staff without an app.
/// </summary>
public static class AuthenticatorCodes
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string At(string base32Key, DateTimeOffset when) => AtStep(base32Key, Step(when));

    /// <summary>The 30-second step an instant falls in (RFC 6238's T).</summary>
    public static long Step(DateTimeOffset when) => when.ToUnixTimeSeconds() / 30;

    public static string AtStep(string base32Key, long step)
    {
        ArgumentNullException.ThrowIfNull(base32Key);
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1.
        var hash = HMACSHA1.HashData(FromBase32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF;
        return (binary % 1_000_000).ToString("000000", CultureInfo.InvariantCulture);
    }

    /// <summary>The key grouped by four for typing into an app (« ABCD EFGH … »), lower-case like Identity's samples.</summary>
    public static string Readable(string base32Key)
    {
        ArgumentNullException.ThrowIfNull(base32Key);
        return string.Join(' ', base32Key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
    }

    /// <summary>The otpauth URI authenticator apps read from the QR code.</summary>
    public static string OtpAuthUri(string issuer, string account, string base32Key) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={base32Key}&issuer={Uri.EscapeDataString(issuer)}&digits=6";

    private static byte[] FromBase32(string text)
    {
        var clean = text.Trim().TrimEnd('=').Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var bytes = new byte[clean.Length * 5 / 8];
        int buffer = 0, bits = 0, index = 0;
        foreach (var c in clean)
        {
            var value = Base32Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException("Clé d'authentification mal formée.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes[index++] = (byte)(buffer >> (bits - 8));
                bits -= 8;
            }
        }

        return bytes;
    }
}
