using System.Net;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Tests.Support;

namespace CilPortal.Tests.Web;

/// <summary>A portal whose clock the tests move forward.</summary>
public sealed class ManualClockPortal : CilPortalWebFactory
{
    public ManualClock Time { get; } = new(DateTimeOffset.UtcNow);

    protected override TimeProvider? Clock => Time;
}

/// <summary>Idle and absolute session timeouts; sign-out only by a post.</summary>
public class SessionTimeoutTests(ManualClockPortal factory) : IClassFixture<ManualClockPortal>
{
    private ManualClock Clock => factory.Time;

    [Fact]
    public async Task A_staff_session_ends_after_30_idle_minutes_and_an_applicant_session_after_2_hours()
    {
        var staff = factory.CreateClient(new() { AllowAutoRedirect = false });
        await staff.SignInAsync(DemoAccounts.EpciAdministrator);
        var applicant = factory.CreateClient(new() { AllowAutoRedirect = false });
        await applicant.SignInAsync(DemoAccounts.Applicant);

        Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(new Uri("/gestion", UriKind.Relative))).StatusCode);
        Clock.Advance(TimeSpan.FromMinutes(25));
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(new Uri("/gestion", UriKind.Relative))).StatusCode);

        // 31 minutes without a request: signed out. The applicant, idle 76 minutes so far, is still in.
        Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.StartsWith("/compte/connexion", SignInRedirect(await staff.GetAsync(new Uri("/gestion", UriKind.Relative))), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await applicant.GetAsync(new Uri("/ma-demande", UriKind.Relative))).StatusCode);

        Clock.Advance(TimeSpan.FromMinutes(119));
        Assert.Equal(HttpStatusCode.OK, (await applicant.GetAsync(new Uri("/ma-demande", UriKind.Relative))).StatusCode);
        Clock.Advance(TimeSpan.FromMinutes(121));
        Assert.StartsWith("/compte/connexion", SignInRedirect(await applicant.GetAsync(new Uri("/ma-demande", UriKind.Relative))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_active_staff_session_still_ends_12_hours_after_its_sign_in()
    {
        var staff = factory.CreateClient(new() { AllowAutoRedirect = false });
        await staff.SignInAsync(DemoAccounts.ReceptionAgent);

        // A request every 20 minutes: each renews the idle period and refreshes the principal (security stamp check).
        for (var elapsed = TimeSpan.FromMinutes(20); elapsed < TimeSpan.FromHours(12); elapsed += TimeSpan.FromMinutes(20))
        {
            Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(new Uri("/gestion", UriKind.Relative))).StatusCode);
        }

        Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.StartsWith("/compte/connexion", SignInRedirect(await staff.GetAsync(new Uri("/gestion", UriKind.Relative))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_is_a_post_a_get_only_shows_the_button()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(DemoAccounts.Tenant);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/compte/deconnexion", UriKind.Relative))).StatusCode);
        Assert.Contains("data-testid=\"logout-form\"", await client.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);

        await client.PostFormAsync("/compte/deconnexion", new Dictionary<string, string>());
        Assert.DoesNotContain("data-testid=\"logout-form\"", await client.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
    }

    private static string SignInRedirect(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location?.AbsolutePath ?? "";
    }
}

/// <summary>The portal as in production: secure cookies, reached over HTTPS.</summary>
public sealed class SecureCookiePortal : CilPortalWebFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Security:SecureCookies"] = "true" };
}

public class SecureCookieTests(SecureCookiePortal factory) : IClassFixture<SecureCookiePortal>
{
    [Fact]
    public async Task Over_https_every_cookie_is_named_host_secure_httponly_with_path_slash_and_no_domain()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var cookies = new List<string>();

        var form = await client.GetAsync(new Uri("/compte/connexion", UriKind.Relative));
        cookies.AddRange(form.Headers.TryGetValues("Set-Cookie", out var formCookies) ? formCookies : []);
        var passwordStep = await client.PostFormAsync("/compte/connexion", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoAccounts.ReceptionAgent,
            ["Input.Password"] = CilPortalWebFactory.DemoPassword,
        });
        cookies.AddRange(passwordStep.Headers.GetValues("Set-Cookie"));
        var signedIn = await client.SignInAsync(DemoAccounts.ReceptionAgent);
        cookies.AddRange(signedIn.Headers.GetValues("Set-Cookie"));

        Assert.Contains(cookies, c => c.StartsWith("__Host-CilPortal.Antiforgery=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("__Host-CilPortal.TwoFactor=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("__Host-CilPortal.Session=", StringComparison.Ordinal));
        Assert.All(cookies, cookie =>
        {
            var attributes = cookie.ToLowerInvariant();
            Assert.StartsWith("__host-", attributes, StringComparison.Ordinal);
            Assert.Contains("; secure", attributes, StringComparison.Ordinal);
            Assert.Contains("; httponly", attributes, StringComparison.Ordinal);
            Assert.Contains("; path=/", attributes, StringComparison.Ordinal);
            Assert.Contains("; samesite=", attributes, StringComparison.Ordinal);
            Assert.DoesNotContain("domain=", attributes, StringComparison.Ordinal);
        });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/gestion", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task On_plain_http_a_developer_s_cookies_have_no_prefix()
    {
        using var plain = new CilPortalWebFactory();
        var response = await plain.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(new Uri("/compte/connexion", UriKind.Relative));

        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".CilPortal.Antiforgery=", StringComparison.Ordinal));
    }
}
