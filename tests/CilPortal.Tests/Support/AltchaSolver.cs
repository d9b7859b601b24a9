using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CilPortal.Infrastructure.Captcha;

namespace CilPortal.Tests.Support;

/// <summary>
/// Solves an ALTCHA challenge the way the widget 3.2.2 does for a v1 challenge: tries 0, 1, 2… until SHA-256 of
/// <c>salt + number</c> (UTF-8 text) equals the challenge, then posts base64 of the JSON
/// <c>{"algorithm","challenge","number","salt","signature","took"}</c> (its <c>createPayloadV1</c>).
/// </summary>
public static class AltchaSolver
{
    public const string Field = AltchaVerifier.Field;

    /// <summary>Fetches a challenge from the portal and returns the payload the widget would post.</summary>
    public static async Task<string> SolveAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var challenge = await client.GetFromJsonAsync<AltchaChallenge>(new Uri("/captcha/challenge", UriKind.Relative));
        Assert.NotNull(challenge);
        return Solve(challenge);
    }

    public static string Solve(AltchaChallenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var number = SolveNumber(challenge.Salt, challenge.Challenge, challenge.MaxNumber);
        Assert.True(number is not null, "The challenge has no solution up to its maxnumber.");
        return Payload(challenge, number.Value);
    }

    public static long? SolveNumber(string salt, string challenge, long maxNumber)
    {
        for (long n = 0; n <= maxNumber; n++)
        {
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(salt + n.ToString(CultureInfo.InvariantCulture))));
            if (hash == challenge)
            {
                return n;
            }
        }

        return null;
    }

    /// <summary>The widget's payload for a number (right or wrong).</summary>
    public static string Payload(AltchaChallenge challenge, long number, string? signature = null, string? salt = null)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var json = JsonSerializer.Serialize(new WidgetPayload(challenge.Algorithm, challenge.Challenge, number, salt ?? challenge.Salt, signature ?? challenge.Signature, 12));
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }

    private sealed record WidgetPayload(
        [property: JsonPropertyName("algorithm")] string Algorithm,
        [property: JsonPropertyName("challenge")] string Challenge,
        [property: JsonPropertyName("number")] long Number,
        [property: JsonPropertyName("salt")] string Salt,
        [property: JsonPropertyName("signature")] string Signature,
        [property: JsonPropertyName("took")] int Took);
}
