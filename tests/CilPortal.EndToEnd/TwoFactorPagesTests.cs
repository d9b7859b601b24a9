using CilPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CilPortal.EndToEnd;

[Collection(BrowserTests.Name)]
public class TwoFactorPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_staff_member_turns_two_factor_on_from_a_phone_then_signs_in_with_the_apps_code()
    {
        const string email = "agent-e2e-2fa@exemple.fr";
        const string password = "Un-mot-de-passe-assez-long-2026";
        using (var scope = browser.Portal.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Agent (test 2FA)" };
            Assert.True((await users.CreateAsync(user, password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.BailleurAgent);
        }

        var page = await browser.NewPhonePageAsync();
        await page.SignInAsync(email, password);
        await page.WaitForURLAsync("**/compte/double-authentification");
        await page.ScreenshotAsync("double-authentification");
        await page.AssertNoWcagViolationsAsync();

        await page.GetByLabel("Code à 6 chiffres").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Activer" }).ClickAsync();
        Assert.True(await page.GetByTestId("form-errors").IsVisibleAsync());
        await page.AssertNoWcagViolationsAsync();

        var key = (await page.GetByTestId("authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await page.GetByLabel("Code à 6 chiffres").FillAsync(AuthenticatorCodes.At(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Activer" }).ClickAsync();
        Assert.Equal(10, await page.GetByTestId("recovery-codes").Locator("li").CountAsync());
        await page.ScreenshotAsync("double-authentification-codes-de-secours");
        await page.AssertNoWcagViolationsAsync();
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "The recovery codes scroll sideways on a phone.");

        var next = await browser.NewPhonePageAsync();
        await next.GotoAsync("/compte/connexion");
        await next.GetByLabel("Adresse électronique").FillAsync(email);
        await next.GetByLabel("Mot de passe").FillAsync(password);
        await next.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await next.WaitForURLAsync("**/compte/connexion-code");
        await next.ScreenshotAsync("connexion-code");
        await next.AssertNoWcagViolationsAsync();
        // The app's next code: the one that turned the protection on may still be current, and a code serves once.
        await next.GetByLabel("Code de l'application ou code de secours").FillAsync(AuthenticatorCodes.At(key, DateTimeOffset.UtcNow.AddSeconds(30)));
        await next.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await next.WaitForURLAsync("**/gestion");
    }
}
