using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Access;
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

    private static AccessCodeHasher Hasher(string key = Key) =>
        new(new AccessCodeKey(key), new PasswordHasher<Demand>(Options.Create(new PasswordHasherOptions { IterationCount = 1_000 })));

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
    public void A_short_key_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new AccessCodeKey("trop-courte"));
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
            Assert.Contains(services, s => s.ServiceType == typeof(AccessCodeKey));
        }
        else
        {
            Assert.Contains("AccessCodes:HmacKey", Assert.IsType<InvalidOperationException>(error).Message, StringComparison.Ordinal);
        }
    }
}
