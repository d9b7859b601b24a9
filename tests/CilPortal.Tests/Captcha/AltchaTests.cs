using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CilPortal.Infrastructure.Captcha;
using CilPortal.Tests.Support;

namespace CilPortal.Tests.Captcha;

/// <summary>The challenge and payload formats of altcha-lib 2.8.0 (v1) and the ALTCHA widget 3.2.2, re-implemented in C#.</summary>
public partial class AltchaTests
{
    private const string Key = "cle-de-test-pour-le-vecteur-altcha-lib";
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_challenge_matches_what_altcha_lib_computes_for_the_same_salt_number_and_key()
    {
        // Computed by altcha-lib 2.8.0: createChallenge({ hmacKey: Key, salt: "0123456789abcdef01234567?expires=1900000000&", number: 4242 }).
        const string salt = "0123456789abcdef01234567?expires=1900000000&";

        Assert.Equal("2890c88f105693caa344029836c3db90de392a44ced469f6014783ef8e7e68d6", Altcha.HashHex(salt, 4242));
        Assert.Equal(
            "f0bd1dbd9fe314f67bc19d66fac1dd3f987ecfe0c8c8e3a3da6e71d733d93694",
            Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key), Encoding.UTF8.GetBytes("2890c88f105693caa344029836c3db90de392a44ced469f6014783ef8e7e68d6"))));
    }

    [Fact]
    public void A_payload_made_by_altcha_lib_is_accepted()
    {
        // base64 JSON {algorithm, challenge, number: 4242, salt, signature, took: 3}, as altcha-lib's verifySolution accepts it.
        const string payload = "eyJhbGdvcml0aG0iOiJTSEEtMjU2IiwiY2hhbGxlbmdlIjoiMjg5MGM4OGYxMDU2OTNjYWEzNDQwMjk4MzZjM2RiOTBkZTM5MmE0NGNlZDQ2OWY2MDE0NzgzZWY4ZTdlNjhkNiIsIm51bWJlciI6NDI0Miwic2FsdCI6IjAxMjM0NTY3ODlhYmNkZWYwMTIzNDU2Nz9leHBpcmVzPTE5MDAwMDAwMDAmIiwic2lnbmF0dXJlIjoiZjBiZDFkYmQ5ZmUzMTRmNjdiYzE5ZDY2ZmFjMWRkM2Y5ODdlY2ZlMGM4YzhlM2EzZGE2ZTcxZDczM2Q5MzY5NCIsInRvb2siOjN9";

        var result = new Altcha(Key, 100_000, TimeSpan.FromMinutes(20), new FixedClock(Now)).Verify(payload);

        Assert.True(result.Valid, result.Failure);
        Assert.Equal("2890c88f105693caa344029836c3db90de392a44ced469f6014783ef8e7e68d6", result.Challenge);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_900_000_000).UtcDateTime, result.ExpiresAtUtc);
    }

    [Fact]
    public void A_new_challenge_has_a_random_salt_with_its_expiry_and_a_secret_number_up_to_the_maximum()
    {
        var altcha = new Altcha(Key, 50, TimeSpan.FromMinutes(20), new FixedClock(Now));

        var first = altcha.Create();
        var second = altcha.Create();

        Assert.Equal(("SHA-256", 50), (first.Algorithm, first.MaxNumber));
        Assert.Matches(SaltPattern(), first.Salt);
        Assert.EndsWith($"?expires={Now.AddMinutes(20).ToUnixTimeSeconds()}&", first.Salt, StringComparison.Ordinal);
        Assert.NotEqual(first.Salt, second.Salt);
        var number = AltchaSolver.SolveNumber(first.Salt, first.Challenge, 50);
        Assert.InRange(number!.Value, 1, 50);
        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key), Encoding.UTF8.GetBytes(first.Challenge))), first.Signature);
    }

    [Fact]
    public void A_challenge_solved_as_the_widget_does_is_accepted_until_it_expires()
    {
        var clock = new MovableClock(Now);
        var altcha = new Altcha(Key, 1000, TimeSpan.FromMinutes(20), clock);
        var payload = AltchaSolver.Solve(altcha.Create());

        Assert.True(altcha.Verify(payload).Valid);
        clock.Now = Now.AddMinutes(20).AddSeconds(1);
        Assert.Equal("expiré", altcha.Verify(payload).Failure);
    }

    [Fact]
    public void Wrong_forged_or_malformed_payloads_are_refused()
    {
        var altcha = new Altcha(Key, 1000, TimeSpan.FromMinutes(20), new FixedClock(Now));
        var challenge = altcha.Create(500);
        var forgedSalt = challenge.Salt.Replace("expires=", "expires=9", StringComparison.Ordinal);
        var forgedChallenge = challenge with { Salt = forgedSalt, Challenge = Altcha.HashHex(forgedSalt, 500) };
        var otherKey = new Altcha("une-autre-cle-tout-aussi-longue-0123456789", 1000, TimeSpan.FromMinutes(20), new FixedClock(Now)).Create(500);

        Assert.True(altcha.Verify(AltchaSolver.Payload(challenge, 500)).Valid);
        Assert.Equal("solution", altcha.Verify(AltchaSolver.Payload(challenge, 499)).Failure);
        Assert.Equal("signature", altcha.Verify(AltchaSolver.Payload(forgedChallenge, 500)).Failure);
        Assert.Equal("signature", altcha.Verify(AltchaSolver.Payload(otherKey, 500)).Failure);
        Assert.Equal("signature", altcha.Verify(AltchaSolver.Payload(challenge, 500, signature: new string('0', 64))).Failure);
        Assert.Equal("sans expiration", altcha.Verify(AltchaSolver.Payload(challenge with { Salt = "0123456789abcdef01234567&" }, 500)).Failure);
        Assert.Equal("absent", altcha.Verify(null).Failure);
        Assert.Equal("absent", altcha.Verify("  ").Failure);
        Assert.Equal("illisible", altcha.Verify("pas du base64 !").Failure);
        Assert.Equal("illisible", altcha.Verify(Base64("ceci n'est pas du JSON")).Failure);
        Assert.Equal("trop long", altcha.Verify(new string('A', Altcha.MaxPayloadLength + 1)).Failure);

        // The widget's test mode, another algorithm, a negative number.
        Assert.Equal("incomplet", altcha.Verify(Base64("""{"challenge":null,"solution":null,"test":true}""")).Failure);
        Assert.Equal("incomplet", altcha.Verify(AltchaSolver.Payload(challenge with { Algorithm = "SHA-1" }, 500)).Failure);
        Assert.Equal("incomplet", altcha.Verify(AltchaSolver.Payload(challenge, -1)).Failure);
    }

    [Theory]
    [InlineData("abc?expires=1900000000&", 1_900_000_000L)]
    [InlineData("abc?foo=1&expires=1900000000", 1_900_000_000L)]
    [InlineData("abc?expire=1900000000&", 1_900_000_000L)]
    [InlineData("abc", null)]
    [InlineData("abc?expires=demain&", null)]
    [InlineData("abc?expires=-5&", null)]
    public void The_expiry_is_read_from_the_salt_parameters(string salt, long? expected)
    {
        Assert.Equal(expected is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime : null, Altcha.ExpiresAt(salt));
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [GeneratedRegex(@"^[0-9a-f]{24}\?expires=[0-9]+&$")]
    private static partial Regex SaltPattern();

    private sealed class MovableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
