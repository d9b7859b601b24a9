using System.Net;
using System.Text.RegularExpressions;
using CilPortal.Infrastructure.Identity;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Web;

/// <summary>Two-factor authentication (TOTP and recovery codes), mandatory for staff.</summary>
public partial class TwoFactorTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    private const string Password = "Un-mot-de-passe-assez-long-2026";

    [Fact]
    public async Task A_new_staff_account_reaches_only_the_set_up_page_until_it_turns_two_factor_on_then_signs_in_with_a_code_or_a_recovery_code_once()
    {
        var email = await NewReceptionAgentAsync("agent-2fa@exemple.fr");
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        // Password only: signed in, but every staff page sends to the set-up page.
        var signedIn = await client.PostFormAsync("/compte/connexion", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal("/gestion", signedIn.Headers.Location?.OriginalString);
        foreach (var url in new[] { "/gestion", "/gestion/accueil", "/gestion/accueil/recherche" })
        {
            var blocked = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
            Assert.Equal("/compte/double-authentification", blocked.Headers.Location?.OriginalString);
        }

        var setup = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/compte/double-authentification", UriKind.Relative)));
        Assert.Contains("data-testid=\"two-factor-required\"", setup, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"qr-code\"", setup, StringComparison.Ordinal);
        var key = KeyPattern().Match(setup).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.Equal(await StoredKeyAsync(email), key);

        var wrong = WebUtility.HtmlDecode(await (await client.PostFormAsync("/compte/double-authentification", new Dictionary<string, string> { ["Code"] = "000000" == Now(key) ? "111111" : "000000" })).Content.ReadAsStringAsync());
        Assert.Contains("Ce code n'est pas le bon", wrong, StringComparison.Ordinal);
        var bad = WebUtility.HtmlDecode(await (await client.PostFormAsync("/compte/double-authentification", new Dictionary<string, string> { ["Code"] = "12ab" })).Content.ReadAsStringAsync());
        Assert.Contains("Le code compte 6 chiffres", bad, StringComparison.Ordinal);

        var on = WebUtility.HtmlDecode(await (await client.PostFormAsync("/compte/double-authentification", new Dictionary<string, string> { ["Code"] = Now(key) })).Content.ReadAsStringAsync());
        var recoveryCodes = RecoveryCodePattern().Matches(on).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, recoveryCodes.Count);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/gestion/accueil", UriKind.Relative))).StatusCode);

        // Next sign-in: the password is not enough; no code is ever shown for a real account.
        var next = factory.CreateClient(new() { AllowAutoRedirect = false });
        var first = await next.PostFormAsync("/compte/connexion?ReturnUrl=https%3A%2F%2Fevil.example%2F", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal("/compte/connexion-code", first.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await next.GetAsync(new Uri("/gestion", UriKind.Relative))).StatusCode);
        var prompt = await next.GetStringAsync(new Uri("/compte/connexion-code", UriKind.Relative));
        Assert.DoesNotContain("data-testid=\"demo-code\"", prompt, StringComparison.Ordinal);
        var refused = WebUtility.HtmlDecode(await (await next.PostFormAsync("/compte/connexion-code", new Dictionary<string, string> { ["Code"] = "not-a-code" })).Content.ReadAsStringAsync());
        Assert.Contains("Ce code n'est pas valable", refused, StringComparison.Ordinal);
        var recovered = await next.PostFormAsync("/compte/connexion-code", new Dictionary<string, string> { ["Code"] = recoveryCodes[0].Replace("-", "", StringComparison.Ordinal).ToLowerInvariant() });
        Assert.Equal("/gestion", recovered.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync(new Uri("/gestion/accueil", UriKind.Relative))).StatusCode);

        // A recovery code serves once; the app's code works — the next one, since the code that turned the protection on
        // may still be the current one, and a code is accepted only once.
        var again = factory.CreateClient(new() { AllowAutoRedirect = false });
        await again.PostFormAsync("/compte/connexion", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        var reused = WebUtility.HtmlDecode(await (await again.PostFormAsync("/compte/connexion-code", new Dictionary<string, string> { ["Code"] = recoveryCodes[0] })).Content.ReadAsStringAsync());
        Assert.Contains("Ce code n'est pas valable", reused, StringComparison.Ordinal);
        var byApp = await again.PostFormAsync("/compte/connexion-code", new Dictionary<string, string> { ["Code"] = AuthenticatorCodes.At(key, DateTimeOffset.UtcNow.AddSeconds(30)) });
        Assert.Equal("/gestion", byApp.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_code_step_without_a_password_step_sends_back_to_sign_in_and_applicants_are_not_forced()
    {
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        var direct = await anonymous.GetAsync(new Uri("/compte/connexion-code", UriKind.Relative));
        Assert.Equal("/compte/connexion", direct.Headers.Location?.OriginalString);

        var applicant = factory.CreateClient(new() { AllowAutoRedirect = false });
        await applicant.SignInAsync(DemoAccounts.Applicant);
        Assert.Equal(HttpStatusCode.OK, (await applicant.GetAsync(new Uri("/ma-demande", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public void Authenticator_codes_follow_rfc_6238()
    {
        // RFC 6238 appendix B, SHA-1 secret "12345678901234567890" (base 32 below), last 6 digits.
        const string key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        Assert.Equal("287082", AuthenticatorCodes.At(key, DateTimeOffset.FromUnixTimeSeconds(59)));
        Assert.Equal("081804", AuthenticatorCodes.At(key, DateTimeOffset.FromUnixTimeSeconds(1111111109)));
        Assert.Equal("005924", AuthenticatorCodes.At(key, DateTimeOffset.FromUnixTimeSeconds(1234567890)));
    }

    private static string Now(string key) => AuthenticatorCodes.At(key, DateTimeOffset.UtcNow);

    private async Task<string> NewReceptionAgentAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Agent sans double authentification" };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.ReceptionAgent);
        return email;
    }

    private async Task<string> StoredKeyAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return (await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!))!;
    }

    [GeneratedRegex("data-testid=\"authenticator-key\">([^<]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCodePattern();
}

public class RecoveryCodeLockoutTests
{
    [Fact]
    public async Task Wrong_recovery_codes_lock_the_account_like_wrong_app_codes_and_a_right_one_is_then_refused()
    {
        using var own = new CilPortalWebFactory();
        const string email = "secours-2fa@exemple.fr";
        const string password = "Un-mot-de-passe-assez-long-2026";
        string goodCode;
        using (var scope = own.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Agent (secours)" };
            Assert.True((await users.CreateAsync(user, password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.ReceptionAgent);
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            goodCode = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.First();
        }

        var client = own.CreateClient(new() { AllowAutoRedirect = false });
        await client.PostFormAsync("/compte/connexion", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        string last = "";
        for (var i = 0; i < 5; i++)
        {
            last = WebUtility.HtmlDecode(await (await client.PostFormAsync("/compte/connexion-code", new Dictionary<string, string> { ["Code"] = $"AAAAA-BBBB{i}" })).Content.ReadAsStringAsync());
        }

        Assert.Contains("Trop d'essais", last, StringComparison.Ordinal);
        var locked = WebUtility.HtmlDecode(await (await client.PostFormAsync("/compte/connexion-code", new Dictionary<string, string> { ["Code"] = goodCode })).Content.ReadAsStringAsync());
        Assert.Contains("Trop d'essais", locked, StringComparison.Ordinal);
    }
}
