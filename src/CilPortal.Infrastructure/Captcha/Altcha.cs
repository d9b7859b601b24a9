using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.WebUtilities;

namespace CilPortal.Infrastructure.Captcha;

/// <summary>
/// A challenge as the ALTCHA widget fetches it (protocol v1 of altcha-lib, which widget 3.x still solves):
/// <c>challenge</c> = hex SHA-256 of <c>salt + number</c>, <c>signature</c> = hex HMAC-SHA256 of the challenge.
/// </summary>
public sealed record AltchaChallenge(
    [property: JsonPropertyName("algorithm")] string Algorithm,
    [property: JsonPropertyName("challenge")] string Challenge,
    [property: JsonPropertyName("maxnumber")] int MaxNumber,
    [property: JsonPropertyName("salt")] string Salt,
    [property: JsonPropertyName("signature")] string Signature);

/// <summary>The outcome of checking a payload; a solved challenge is identified by its <see cref="Challenge"/>.</summary>
public sealed record AltchaVerification(bool Valid, string? Challenge, DateTime? ExpiresAtUtc, string? Failure)
{
    public static AltchaVerification Invalid(string reason) => new(false, null, null, reason);
}

/// <summary>
/// Creates and checks ALTCHA proof-of-work challenges, as altcha-lib 2.8.0 (<c>v1</c>) does, without a third-party library.
/// The salt carries its expiry as <c>?expires=&lt;unix seconds&gt;&amp;</c> (the trailing <c>&amp;</c> stops parameter
/// splicing, as in altcha-lib); the payload the widget posts is base64 JSON
/// <c>{algorithm, challenge, number, salt, signature, took}</c>. Checking is pure: whether the challenge was already
/// used is the replay store's job.
/// </summary>
public sealed class Altcha
{
    public const string Algorithm = "SHA-256";

    /// <summary>Longer payloads are refused before decoding.</summary>
    public const int MaxPayloadLength = 2048;

    private const int SaltBytes = 12;
    private const int HexSha256Length = 64;

    private readonly byte[] key;
    private readonly TimeProvider clock;
    private readonly int maxNumber;
    private readonly TimeSpan lifetime;

    public Altcha(string hmacKey, int maxNumber, TimeSpan lifetime, TimeProvider clock)
    {
        ArgumentException.ThrowIfNullOrEmpty(hmacKey);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNumber, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        key = Encoding.UTF8.GetBytes(hmacKey);
        this.maxNumber = maxNumber;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /// <summary>A new challenge with a random salt and secret number (1 to the maximum, as altcha-lib draws it).</summary>
    public AltchaChallenge Create() => Create(RandomNumberGenerator.GetInt32(1, maxNumber + 1));

    /// <summary>A challenge for a chosen number (tests).</summary>
    public AltchaChallenge Create(int number)
    {
        var expires = clock.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        var salt = $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SaltBytes))}?expires={expires.ToString(CultureInfo.InvariantCulture)}&";
        var challenge = HashHex(salt, number);
        return new AltchaChallenge(Algorithm, challenge, maxNumber, salt, Sign(challenge));
    }

    /// <summary>Checks the base64 JSON payload of the widget: well formed, not expired, the number solves the challenge, signed by us.</summary>
    public AltchaVerification Verify(string? payload)
    {
        if (string.IsNullOrWhiteSpace(payload))
        {
            return AltchaVerification.Invalid("absent");
        }

        if (payload.Length > MaxPayloadLength)
        {
            return AltchaVerification.Invalid("trop long");
        }

        Payload? decoded;
        try
        {
            decoded = JsonSerializer.Deserialize<Payload>(Convert.FromBase64String(payload.Trim()));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return AltchaVerification.Invalid("illisible");
        }

        if (decoded is not { Algorithm: Algorithm, Challenge: { Length: HexSha256Length } challenge, Number: { } number, Salt: { Length: > 0 and <= 512 } salt, Signature: { Length: HexSha256Length } signature }
            || number < 0)
        {
            return AltchaVerification.Invalid("incomplet");
        }

        if (ExpiresAt(salt) is not { } expiresAt)
        {
            return AltchaVerification.Invalid("sans expiration");
        }

        if (expiresAt <= clock.GetUtcNow().UtcDateTime)
        {
            return AltchaVerification.Invalid("expiré");
        }

        // Both comparisons always run, in constant time: the answer takes as long whatever part is wrong.
        var solved = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashHex(salt, number)), Encoding.ASCII.GetBytes(challenge));
        var signed = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(challenge)), Encoding.ASCII.GetBytes(signature));
        return solved && signed
            ? new AltchaVerification(true, challenge, expiresAt, null)
            : AltchaVerification.Invalid(solved ? "signature" : "solution");
    }

    /// <summary>The <c>expires</c> parameter of a salt (<c>hex?expires=…&amp;</c>), in UTC; null when absent or not a number.</summary>
    public static DateTime? ExpiresAt(string salt)
    {
        ArgumentNullException.ThrowIfNull(salt);
        var query = salt.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return null;
        }

        var parameters = QueryHelpers.ParseQuery(salt[query..]);
        var value = parameters.TryGetValue("expires", out var expires) ? expires.ToString() : parameters.TryGetValue("expire", out var expire) ? expire.ToString() : null;
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds < 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime
            : null;
    }

    /// <summary>Hex SHA-256 of the UTF-8 text <c>salt + number</c>, as the widget computes it.</summary>
    public static string HashHex(string salt, long number) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(salt + number.ToString(CultureInfo.InvariantCulture))));

    private string Sign(string challenge) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(challenge)));

    private sealed record Payload(
        [property: JsonPropertyName("algorithm")] string? Algorithm,
        [property: JsonPropertyName("challenge")] string? Challenge,
        [property: JsonPropertyName("number")] long? Number,
        [property: JsonPropertyName("salt")] string? Salt,
        [property: JsonPropertyName("signature")] string? Signature);
}
