using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Access;
using CilPortal.Infrastructure.Time;
using CilPortal.Tests.Support;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace CilPortal.Tests.Access;

/// <summary>Access codes hashed with HMAC-SHA256 under a key kept out of the database, PBKDF2 hashes still read.</summary>
public class AccessCodeHasherTests
{
    private const string Key = "une-cle-des-codes-d-acces-de-32-caracteres-au-moins";
    private const string Code = "ABCDEFGH23";

    private const string FormerKey = "une-ancienne-cle-des-codes-d-acces-de-32-caracteres";

    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    private static AccessCodeHasher Hasher(string key = Key, string[]? previous = null, DateOnly? pbkdf2CodesValidUntil = null, PasswordHasher<Demand>? pbkdf2 = null) =>
        new(new AccessCodeHashSettings(new AccessCodeKey(key), [.. (previous ?? []).Select(p => new AccessCodeKey(p))], pbkdf2CodesValidUntil),
            pbkdf2 ?? new CountingPbkdf2(), new ParisClock(new FixedClock(Now)));

    [Fact]
    public void The_right_code_checks_and_a_wrong_one_does_not()
    {
        var hasher = Hasher();
        var hash = hasher.HashPassword(new Demand(), Code);

        Assert.StartsWith(AccessCodeHasher.Prefix, hash, StringComparison.Ordinal);
        Assert.DoesNotContain(Code, hash, StringComparison.Ordinal);
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(new Demand(), hash, Code));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(new Demand(), hash, "ABCDEFGH24"));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(new Demand(), hash, ""));
    }

    [Fact]
    public void Each_code_gets_its_own_salt()
    {
        var hasher = Hasher();

        Assert.NotEqual(hasher.HashPassword(new Demand(), Code), hasher.HashPassword(new Demand(), Code));
    }

    [Fact]
    public void A_hash_made_under_another_key_is_refused_and_recognised_as_such()
    {
        var hash = Hasher().HashPassword(new Demand(), Code);
        var other = Hasher("une-autre-cle-des-codes-d-acces-de-32-caracteres");

        Assert.Equal(PasswordVerificationResult.Failed, other.VerifyHashedPassword(new Demand(), hash, Code));
        Assert.True(other.IsUnderAnotherKey(hash));
        Assert.False(Hasher().IsUnderAnotherKey(hash));
    }

    [Fact]
    public void A_hash_with_the_key_id_rewritten_does_not_check()
    {
        var hash = Hasher().HashPassword(new Demand(), Code);
        var other = Hasher("une-autre-cle-des-codes-d-acces-de-32-caracteres");
        var forged = AccessCodeHasher.Prefix + new AccessCodeKey("une-autre-cle-des-codes-d-acces-de-32-caracteres").Id + hash[(AccessCodeHasher.Prefix.Length + 8)..];

        Assert.Equal(PasswordVerificationResult.Failed, other.VerifyHashedPassword(new Demand(), forged, Code));
    }

    [Theory]
    [InlineData("$hmac1$")]
    [InlineData("$hmac1$0123abcd$pas-du-base64$AAAA")]
    [InlineData("$hmac1$0123abcd$AAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("$hmac1$0123abcd$AAAA$AAAA")]
    [InlineData("n'importe quoi")]
    [InlineData("")]
    public void A_malformed_hash_never_checks(string hash)
    {
        Assert.Equal(PasswordVerificationResult.Failed, Hasher().VerifyHashedPassword(new Demand(), hash, Code));
    }

    [Fact]
    public void A_pbkdf2_hash_from_before_the_key_checks_and_asks_to_be_hashed_again()
    {
        var old = new PasswordHasher<Demand>(Options.Create(new PasswordHasherOptions { IterationCount = 1_000 })).HashPassword(new Demand(), Code);
        var hasher = Hasher();

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, hasher.VerifyHashedPassword(new Demand(), old, Code));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(new Demand(), old, "ABCDEFGH24"));
        Assert.False(hasher.IsUnderAnotherKey(old));
    }

    [Fact]
    public void A_code_hashed_under_a_former_key_checks_and_asks_to_be_hashed_again_under_the_current_one()
    {
        var old = Hasher(FormerKey).HashPassword(new Demand(), Code);
        var rotated = Hasher(previous: [FormerKey]);

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, rotated.VerifyHashedPassword(new Demand(), old, Code));
        Assert.Equal(PasswordVerificationResult.Failed, rotated.VerifyHashedPassword(new Demand(), old, "ABCDEFGH24"));
        Assert.False(rotated.IsUnderAnotherKey(old));
        Assert.Equal(PasswordVerificationResult.Success, rotated.VerifyHashedPassword(new Demand(), rotated.HashPassword(new Demand(), Code), Code));
    }

    [Fact]
    public void After_their_last_day_pbkdf2_codes_are_refused_without_their_slow_check()
    {
        var pbkdf2 = new CountingPbkdf2();
        var old = pbkdf2.HashPassword(new Demand(), Code);
        var lastDay = DateOnly.FromDateTime(Now.UtcDateTime);

        var stillValid = Hasher(pbkdf2CodesValidUntil: lastDay, pbkdf2: pbkdf2);
        Assert.True(stillValid.AcceptsPbkdf2Codes);
        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, stillValid.VerifyHashedPassword(new Demand(), old, Code));
        Assert.Equal(1, pbkdf2.Verifications);

        var past = Hasher(pbkdf2CodesValidUntil: lastDay.AddDays(-1), pbkdf2: pbkdf2);
        Assert.False(past.AcceptsPbkdf2Codes);
        Assert.Equal(PasswordVerificationResult.Failed, past.VerifyHashedPassword(new Demand(), old, Code));
        Assert.Equal(1, pbkdf2.Verifications);
    }

    [Theory]
    [InlineData("trop-courte")]
    [InlineData("                                                ")]
    [InlineData("une cle avec des espaces de plus de trente-deux caracteres")]
    public void A_short_or_spaced_key_is_refused(string key)
    {
        Assert.Throws<ArgumentException>(() => new AccessCodeKey(key));
    }

    [Theory]
    [InlineData("Production", "", false)]
    [InlineData("Production", "trop-courte", false)]
    [InlineData("Production", "une-cle-de-production-de-trente-deux-caracteres", true)]
    [InlineData("Testing", "", false)]
    [InlineData("Development", "", true)]
    public void The_portal_refuses_to_start_without_a_real_key_except_in_development(string environment, string key, bool starts)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AccessCodes:HmacKey"] = key }).Build();
        var services = new ServiceCollection();

        var error = Record.Exception(() => services.AddAccessCodeKey(configuration, new HostingEnvironment { EnvironmentName = environment }));

        Assert.Equal(starts, error is null);
        if (starts)
        {
            Assert.Contains(services, s => s.ServiceType == typeof(AccessCodeHashSettings));
        }
        else
        {
            Assert.Contains("AccessCodes:HmacKey", Assert.IsType<InvalidOperationException>(error).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Former_keys_and_the_last_day_of_the_pbkdf2_codes_come_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AccessCodes:HmacKey"] = Key,
            ["AccessCodes:PreviousHmacKeys:0"] = FormerKey,
            ["AccessCodes:Pbkdf2CodesValidUntil"] = "2027-03-31",
        }).Build();
        var services = new ServiceCollection();

        services.AddAccessCodeKey(configuration, new HostingEnvironment { EnvironmentName = "Production" });

        var settings = Assert.IsType<AccessCodeHashSettings>(Assert.Single(services, s => s.ServiceType == typeof(AccessCodeHashSettings)).ImplementationInstance);
        Assert.Equal(new AccessCodeKey(FormerKey).Id, Assert.Single(settings.Previous).Id);
        Assert.Equal(new DateOnly(2027, 3, 31), settings.Pbkdf2CodesValidUntil);

        var wrongDay = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AccessCodes:HmacKey"] = Key, ["AccessCodes:Pbkdf2CodesValidUntil"] = "31/03/2027" }).Build();
        Assert.Contains("AAAA-MM-JJ", Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddAccessCodeKey(wrongDay, new HostingEnvironment { EnvironmentName = "Production" })).Message, StringComparison.Ordinal);
    }
}

/// <summary>Identity's PBKDF2 hasher at a small iteration count, counting its checks.</summary>
internal sealed class CountingPbkdf2() : PasswordHasher<Demand>(Options.Create(new PasswordHasherOptions { IterationCount = 1_000 }))
{
    public int Verifications { get; set; }

    public override PasswordVerificationResult VerifyHashedPassword(Demand user, string hashedPassword, string providedPassword)
    {
        Verifications++;
        return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
