using System.Net;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Identity;
using CilPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Web;

/// <summary>An authenticator code is accepted once per account: not again, and not a code of an earlier step.</summary>
public class TotpReplayTests(ManualClockPortal factory) : IClassFixture<ManualClockPortal>
{
    private const string Password = "Un-mot-de-passe-assez-long-2026";

    private ManualClock Clock => factory.Time;

    [Fact]
    public async Task An_authenticator_code_is_accepted_once_and_the_next_step_s_code_works()
    {
        var email = await NewStaffAsync("code-une-fois@exemple.fr");
        var key = await KeyAsync(email);
        var code = AuthenticatorCodes.At(key, Clock.GetUtcNow());

        var first = await PasswordStepAsync(email);
        var accepted = await first.PostFormAsync("/compte/connexion-code", new Dictionary<string, string> { ["Code"] = code });
        Assert.Equal("/gestion", accepted.Headers.Location?.OriginalString);

        // Someone who saw the code, within the same 30 seconds: refused, and counted as a failure.
        var second = await PasswordStepAsync(email);
        var replayed = WebUtility.HtmlDecode(await (await second.PostFormAsync("/compte/connexion-code", new Dictionary<string, string> { ["Code"] = code })).Content.ReadAsStringAsync());
        Assert.Contains("Ce code n'est pas valable", replayed, StringComparison.Ordinal);
        Assert.Equal(1, await FailedCountAsync(email));

        Clock.Advance(TimeSpan.FromSeconds(30));
        var next = await second.PostFormAsync("/compte/connexion-code", new Dictionary<string, string> { ["Code"] = AuthenticatorCodes.At(key, Clock.GetUtcNow()) });
        Assert.Equal("/gestion", next.Headers.Location?.OriginalString);

        // A code of a step before the last one accepted is refused too (the app's previous code).
        var third = await PasswordStepAsync(email);
        var older = WebUtility.HtmlDecode(await (await third.PostFormAsync("/compte/connexion-code", new Dictionary<string, string> { ["Code"] = code })).Content.ReadAsStringAsync());
        Assert.Contains("Ce code n'est pas valable", older, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Codes_two_steps_away_are_refused_one_step_of_drift_is_allowed()
    {
        var email = await NewStaffAsync("derive-horloge@exemple.fr");
        var key = await KeyAsync(email);

        var early = await PasswordStepAsync(email);
        var tooEarly = WebUtility.HtmlDecode(await (await early.PostFormAsync("/compte/connexion-code", new Dictionary<string, string> { ["Code"] = AuthenticatorCodes.At(key, Clock.GetUtcNow().AddSeconds(60)) })).Content.ReadAsStringAsync());
        Assert.Contains("Ce code n'est pas valable", tooEarly, StringComparison.Ordinal);

        var drift = await early.PostFormAsync("/compte/connexion-code", new Dictionary<string, string> { ["Code"] = AuthenticatorCodes.At(key, Clock.GetUtcNow().AddSeconds(30)) });
        Assert.Equal("/gestion", drift.Headers.Location?.OriginalString);
    }

    private async Task<HttpClient> PasswordStepAsync(string email)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var step = await client.PostFormAsync("/compte/connexion", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal("/compte/connexion-code", step.Headers.Location?.OriginalString);
        return client;
    }

    private async Task<string> NewStaffAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Agent " + email };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.ReceptionAgent);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return email;
    }

    private async Task<string> KeyAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return (await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!))!;
    }

    private async Task<int> FailedCountAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CilPortalDbContext>().Users.Where(u => u.Email == email).Select(u => u.AccessFailedCount).SingleAsync();
    }
}
