using CilPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CilPortal.EndToEnd;

/// <summary>The ALTCHA widget in a real browser at 375 px: it loads and solves under the strict content policy, and stays accessible.</summary>
[Collection(BrowserTests.Name)]
public class CaptchaPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task On_a_phone_the_widget_solves_its_challenge_under_the_content_policy_and_the_booking_goes_through()
    {
        var page = await browser.NewPhonePageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add(error);
        int usedBefore;
        using (var scope = browser.Portal.Services.CreateScope())
        {
            usedBefore = await scope.ServiceProvider.GetRequiredService<CilPortalDbContext>().UsedCaptchaChallenges.CountAsync();
        }

        await page.GotoAsync("/rendez-vous");
        await page.GetByLabel("Lieu d'accueil").SelectOptionAsync(new SelectOptionValue { Index = 2 });
        await page.GetByLabel("Motif").SelectOptionAsync("RenewalHelp");
        await page.GetByRole(AriaRole.Button, new() { Name = "Voir les créneaux libres" }).ClickAsync();
        var checkbox = page.GetByLabel("Je ne suis pas un robot");
        await checkbox.WaitForAsync();
        await page.ScreenshotAsync("captcha-a-cocher");
        await page.AssertNoWcagViolationsAsync();

        await checkbox.ClickAsync();
        await page.GetByText("Vérifié", new() { Exact = true }).WaitForAsync(new() { Timeout = 30_000 });
        Assert.Matches("^[A-Za-z0-9+/=]{100,}$", await page.Locator("altcha-widget input[type=hidden][name=altcha]").InputValueAsync());
        await page.ScreenshotAsync("captcha-verifie");
        await page.AssertNoWcagViolationsAsync();

        await page.Locator(".slot label").First.ClickAsync();
        await page.GetByLabel("Nom et prénom").FillAsync("Inès Roussel");
        await page.GetByLabel("Téléphone").FillAsync("06 98 76 54 32");
        await page.GetByTestId("book").ClickAsync();
        await page.GetByTestId("booked").WaitForAsync();
        await page.AssertNoWcagViolationsAsync();

        Assert.Empty(problems);
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow);
        using (var scope = browser.Portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            Assert.True(await db.UsedCaptchaChallenges.CountAsync() > usedBefore);
            Assert.True(await db.Appointments.AnyAsync(a => a.Name == "Inès Roussel"));
        }
    }

    [Fact]
    public async Task The_registration_form_is_sent_straight_away_the_check_runs_before_it_leaves()
    {
        var page = await browser.NewPhonePageAsync();
        var email = $"captcha-{Guid.NewGuid():N}@exemple.fr";
        await page.GotoAsync("/compte/inscription");

        // Typed and sent at once: the form waits for the check, then leaves by itself.
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync("une phrase assez longue");
        await page.GetByLabel("Le même mot de passe, encore une fois").FillAsync("une phrase assez longue");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();

        await page.GetByTestId("registration-sent").WaitForAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync("captcha-inscription-envoyee");
    }

    [Fact]
    public async Task Without_the_check_the_form_says_why_in_french_and_stays_accessible()
    {
        // No JavaScript at all: the block says why the check cannot run, and the server refuses the form.
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = BrowserFixture.PhoneWidth, Height = BrowserFixture.PhoneHeight },
            Locale = "fr-FR",
            JavaScriptEnabled = false,
        });
        var noScript = await context.NewPageAsync();
        await noScript.GotoAsync("/compte/inscription");
        Assert.Contains("Cette vérification a besoin de JavaScript", await noScript.GetByTestId("captcha").InnerTextAsync(), StringComparison.Ordinal);
        await noScript.GetByLabel("Adresse électronique").FillAsync("sans-javascript@exemple.fr");
        await noScript.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();
        Assert.Contains("Cochez la case « Je ne suis pas un robot »", await noScript.GetByTestId("form-errors").InnerTextAsync(), StringComparison.Ordinal);
        await noScript.ScreenshotAsync("captcha-sans-javascript");

        // The same error state checked by axe (which needs script): the widget's script is kept from loading.
        var page = await browser.NewPhonePageAsync();
        await page.RouteAsync("**/js/captcha.js*", route => route.AbortAsync());
        await page.GotoAsync("/compte/inscription");
        await page.GetByLabel("Adresse électronique").FillAsync("script-bloque@exemple.fr");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();
        Assert.Contains("Cochez la case « Je ne suis pas un robot »", await page.GetByTestId("form-errors").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("#Captcha", await page.GetByTestId("form-errors").GetByRole(AriaRole.Link, new() { Name = "Cochez la case" }).GetAttributeAsync("href"));
        await page.AssertNoWcagViolationsAsync();
    }
}
