using System.Net;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Identity;
using CilPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Web;

/// <summary>Password rules: 12–128 characters, common and leaked passwords refused, not the address.</summary>
public class PasswordPolicyTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    [Fact]
    public void The_embedded_list_holds_tens_of_thousands_of_passwords_and_is_read_case_insensitively()
    {
        Assert.True(CommonPasswords.Count >= 10_000, $"Only {CommonPasswords.Count} common passwords.");
        Assert.True(CommonPasswords.Contains("azertyuiop"));
        Assert.True(CommonPasswords.Contains("AzertyUIOP"));
        Assert.False(CommonPasswords.Contains("une phrase de passe au hasard"));
    }

    [Theory]
    [InlineData("azertyuiop12")]
    [InlineData("Motdepasse2026!")]
    [InlineData("2026-Marseille-2026")]
    [InlineData("PASSWORD123456")]
    [InlineData("aaaaaaaaaaaaaa")]
    [InlineData("abcabcabcabc")]
    [InlineData("soleilsoleil")]
    [InlineData("123456789012")]
    public void Common_passwords_and_their_obvious_variants_are_refused(string password) => Assert.True(CommonPasswords.IsCommon(password));

    [Theory]
    [InlineData("cheval agrafe batterie correcte")]
    [InlineData("Mot-de-passe-des-tests-2026")]
    [InlineData("Le train de 7 h 42 est en retard")]
    public void Passphrases_are_accepted(string password) => Assert.False(CommonPasswords.IsCommon(password));

    [Fact]
    public async Task The_validator_refuses_too_long_common_and_address_passwords_with_french_messages()
    {
        var validator = new CommonPasswordValidator();
        var user = new ApplicationUser { Email = "jean.dupont+logement@exemple.fr", UserName = "jean.dupont+logement@exemple.fr" };

        var tooLong = await validator.ValidateAsync(null!, user, new string('x', 60) + "-une-phrase-" + new string('y', 60));
        var common = await validator.ValidateAsync(null!, user, "Qwertyuiop2026");
        var address = await validator.ValidateAsync(null!, user, "Jean.Dupont-a-un-long-mot-de-passe");
        var fine = await validator.ValidateAsync(null!, user, "cheval agrafe batterie correcte");

        Assert.Contains(tooLong.Errors, e => e.Description == PasswordPolicy.TooLong);
        Assert.Contains(common.Errors, e => e.Description == PasswordPolicy.TooCommon);
        Assert.Contains(address.Errors, e => e.Description == PasswordPolicy.ContainsAddress);
        Assert.True(fine.Succeeded);
        Assert.Equal("jean.dupont", PasswordPolicy.LocalPart(user.Email));
    }

    [Fact]
    public async Task Registration_refuses_a_common_password_one_with_the_address_and_one_over_128_characters()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        async Task<string> RegisterAsync(string email, string password)
        {
            var response = await client.PostFormAsync("/compte/inscription", new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = password,
                ["Input.ConfirmPassword"] = password,
            });
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }

        Assert.Contains(PasswordPolicy.TooCommon, await RegisterAsync("nouvelle.personne@exemple.fr", "motdepasse2026"), StringComparison.Ordinal);
        Assert.Contains(PasswordPolicy.ContainsAddress, await RegisterAsync("marguerite.durand@exemple.fr", "marguerite.durand-logement"), StringComparison.Ordinal);
        Assert.Contains("Le mot de passe compte entre 12 et 128 caractères.", await RegisterAsync("nouvelle.personne@exemple.fr", new string('z', 129)), StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "nouvelle.personne@exemple.fr" || u.Email == "marguerite.durand@exemple.fr"));
    }
}
