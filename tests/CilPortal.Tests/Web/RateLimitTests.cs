using System.Net;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Tests.Support;
using CilPortal.Web.Pages;

namespace CilPortal.Tests.Web;

/// <summary>A portal with small per-account limits: 3 sign-in posts per account, 1 registration per address.</summary>
public sealed class AccountLimitPortal : CilPortalWebFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["RateLimits:SignInPostsPerAccountPer10Minutes"] = "3",
        ["RateLimits:RegistrationsPerAddressPerHour"] = "1",
    };
}

/// <summary>A portal with a small per-address limit: 4 sign-in posts per 10 minutes.</summary>
public sealed class AddressLimitPortal : CilPortalWebFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["RateLimits:SignInPostsPerIpPer10Minutes"] = "4" };
}

public class AccountRateLimitTests(AccountLimitPortal factory) : IClassFixture<AccountLimitPortal>
{
    [Fact]
    public async Task A_fourth_sign_in_post_for_one_account_gets_429_with_retry_after_and_a_french_page_other_accounts_go_on()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        for (var i = 0; i < 3; i++)
        {
            var allowed = await client.SignInAsync(DemoAccounts.Tenant, "pas-le-bon-mot-de-passe");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var refused = await client.SignInAsync(DemoAccounts.Tenant.ToUpperInvariant(), "pas-le-bon-mot-de-passe");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 600);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Trop de demandes", html, StringComparison.Ordinal);
        Assert.Contains("Vous pourrez réessayer dans", html, StringComparison.Ordinal);

        var other = await client.SignInAsync(DemoAccounts.Applicant);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }

    [Fact]
    public async Task A_second_registration_with_one_address_within_the_hour_gets_429()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        Task<HttpResponseMessage> RegisterAsync(string email) => client.PostFormAsync("/compte/inscription", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "cheval agrafe batterie correcte",
            ["Input.ConfirmPassword"] = "cheval agrafe batterie correcte",
        });

        Assert.Equal(HttpStatusCode.OK, (await RegisterAsync("limite.inscription@exemple.fr")).StatusCode);
        var again = await RegisterAsync("Limite.Inscription@exemple.fr");

        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        Assert.True(again.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, (await RegisterAsync("autre.inscription@exemple.fr")).StatusCode);
    }

    [Fact]
    public void The_429_message_says_when_to_try_again()
    {
        var message = ErreurModel.TooManyRequests(TimeSpan.FromSeconds(125), new DateTime(2026, 11, 30, 14, 5, 30));

        Assert.Contains("dans 3 minutes, à partir de 14 h 08", message, StringComparison.Ordinal);
        Assert.Contains("Patientez quelques minutes", ErreurModel.TooManyRequests(null, DateTime.Now), StringComparison.Ordinal);
    }
}

public class AddressRateLimitTests(AddressLimitPortal factory) : IClassFixture<AddressLimitPortal>
{
    [Fact]
    public async Task Sign_in_posts_from_one_address_are_limited_whatever_the_account_and_reading_the_form_stays_free()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        for (var i = 0; i < 4; i++)
        {
            var allowed = await client.SignInAsync($"personne{i}@exemple.fr", "pas-le-bon-mot-de-passe");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var refused = await client.SignInAsync("personne9@exemple.fr", "pas-le-bon-mot-de-passe");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Contains("Trop de demandes", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/compte/connexion", UriKind.Relative))).StatusCode);
    }
}
