using System.Net;
using System.Text.RegularExpressions;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Identity;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Web;

/// <summary>
/// Re-authentication, asked when the sign-in is more than 10 minutes old, before showing the authenticator key, changing
/// the notice address or another account's two-factor authentication.
/// </summary>
public partial class ReauthenticationTests(ManualClockPortal factory) : IClassFixture<ManualClockPortal>
{
    private const string Password = "Un-mot-de-passe-assez-long-2026";

    private ManualClock Clock => factory.Time;

    [Fact]
    public async Task Showing_the_authenticator_key_after_10_minutes_asks_for_the_password_again_then_comes_back()
    {
        var email = await NewStaffAsync("reauth-2fa@exemple.fr", twoFactor: false);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.PostFormAsync("/compte/connexion", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });

        // Just signed in: the set-up page shows the key at once (and making it does not end the session a minute later).
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/compte/double-authentification", UriKind.Relative))).StatusCode);

        Clock.Advance(TimeSpan.FromMinutes(11));
        const string reauth = "/compte/reauthentification?returnUrl=%2Fcompte%2Fdouble-authentification";
        var asked = await client.GetAsync(new Uri("/compte/double-authentification", UriKind.Relative));
        Assert.Equal(reauth, asked.Headers.Location?.OriginalString);
        var posted = await client.PostFormAsync(reauth, new Dictionary<string, string> { ["Code"] = "123456" }, "/compte/double-authentification");
        Assert.Equal(reauth, posted.Headers.Location?.OriginalString);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(reauth, UriKind.Relative)));
        Assert.Contains("Confirmer votre identité", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Code de l'application", page, StringComparison.Ordinal);
        var wrong = WebUtility.HtmlDecode(await (await client.PostFormAsync(reauth, new Dictionary<string, string> { ["Password"] = "pas-le-bon-mot-de-passe" })).Content.ReadAsStringAsync());
        Assert.Contains("Mot de passe incorrect.", wrong, StringComparison.Ordinal);

        var confirmed = await client.PostFormAsync(reauth, new Dictionary<string, string> { ["Password"] = Password });
        Assert.Equal("/compte/double-authentification", confirmed.Headers.Location?.OriginalString);
        var setup = await client.GetStringAsync(new Uri("/compte/double-authentification", UriKind.Relative));
        Assert.Contains("data-testid=\"authenticator-key\"", setup, StringComparison.Ordinal);

        // A return address elsewhere is not followed.
        Clock.Advance(TimeSpan.FromMinutes(11));
        var offsite = await client.PostFormAsync("/compte/reauthentification?returnUrl=https%3A%2F%2Fevil.example%2F", new Dictionary<string, string> { ["Password"] = Password });
        Assert.Equal("/", offsite.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_new_notice_address_after_10_minutes_is_saved_only_after_the_password_is_typed_again()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(DemoAccounts.Applicant);
        Clock.Advance(TimeSpan.FromMinutes(11));
        var fields = new Dictionary<string, string> { ["Input.Email"] = "nouvelle.adresse@exemple.fr", ["Input.StatusNotices"] = "true" };

        var asked = await client.PostFormAsync("/ma-demande/coordonnees", fields);

        Assert.Equal("/compte/reauthentification?returnUrl=%2Fma-demande%2Fcoordonnees", asked.Headers.Location?.OriginalString);
        Assert.Null(await PendingNoticeEmailAsync());

        var confirmed = await client.PostFormAsync(asked.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Password"] = CilPortalWebFactory.DemoPassword });
        Assert.Equal("/ma-demande/coordonnees", confirmed.Headers.Location?.OriginalString);
        var saved = await client.PostFormAsync("/ma-demande/coordonnees", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("nouvelle.adresse@exemple.fr", await PendingNoticeEmailAsync());
    }

    [Fact]
    public async Task An_administrator_resetting_someone_s_two_factor_authentication_after_10_minutes_types_password_and_code_again()
    {
        var target = await NewStaffAsync("reinitialiser-2fa@exemple.fr", twoFactor: true);
        string targetId;
        using (var scope = factory.Services.CreateScope())
        {
            targetId = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(target))!.Id;
        }

        var admin = factory.CreateClient(new() { AllowAutoRedirect = false });
        await admin.SignInAsync(DemoAccounts.EpciAdministrator);
        Clock.Advance(TimeSpan.FromMinutes(11));

        var asked = await admin.PostFormAsync("/gestion/epci/utilisateurs", new Dictionary<string, string> { ["id"] = targetId }, "/gestion/epci/utilisateurs?handler=ResetTwoFactor");
        Assert.Equal("/compte/reauthentification?returnUrl=%2Fgestion%2Fepci%2Futilisateurs", asked.Headers.Location?.OriginalString);
        Assert.True(await TwoFactorEnabledAsync(target));

        var reauth = asked.Headers.Location!.OriginalString;
        var page = await admin.GetStringAsync(new Uri(reauth, UriKind.Relative));
        var demoCode = DemoCodePattern().Match(page).Groups[1].Value;
        var noCode = WebUtility.HtmlDecode(await (await admin.PostFormAsync(reauth, new Dictionary<string, string> { ["Password"] = CilPortalWebFactory.DemoPassword })).Content.ReadAsStringAsync());
        Assert.Contains("Saisissez le code à 6 chiffres de l'application.", noCode, StringComparison.Ordinal);
        var confirmed = await admin.PostFormAsync(reauth, new Dictionary<string, string> { ["Password"] = CilPortalWebFactory.DemoPassword, ["Code"] = demoCode });
        Assert.Equal("/gestion/epci/utilisateurs", confirmed.Headers.Location?.OriginalString);

        var reset = await admin.PostFormAsync("/gestion/epci/utilisateurs", new Dictionary<string, string> { ["id"] = targetId }, "/gestion/epci/utilisateurs?handler=ResetTwoFactor");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.False(await TwoFactorEnabledAsync(target));
    }

    private async Task<string> NewStaffAsync(string email, bool twoFactor)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Agent " + email };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.ReceptionAgent);
        if (twoFactor)
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        return email;
    }

    private async Task<bool> TwoFactorEnabledAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CilPortalDbContext>().Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync();
    }

    private async Task<string?> PendingNoticeEmailAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var demandId = (await db.Users.SingleAsync(u => u.Email == DemoAccounts.Applicant)).LinkedDemandId;
        return await db.Demands.Where(d => d.Id == demandId).Select(d => d.PendingPortalEmail).SingleAsync();
    }

    [GeneratedRegex("data-testid=\"demo-code\">([0-9]{6})<")]
    private static partial Regex DemoCodePattern();
}
