using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CilPortal.EndToEnd;

public static class Accessibility
{
    /// <summary>Runs axe with the WCAG 2 A and AA rules and fails with a readable list of violations.</summary>
    public static async Task AssertNoWcagViolationsAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa"] },
        });

        var report = string.Join(Environment.NewLine, result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
        Assert.True(result.Violations.Length == 0, $"{page.Url}: {result.Violations.Length} WCAG A/AA violation(s){Environment.NewLine}{report}");
    }

    /// <summary>Signs in through the real form, as a person would.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password = CilPortal.Tests.Support.CilPortalWebFactory.DemoPassword)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/compte/connexion");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(password);

        // Waits for the document that answers the form (the next page, or the form again with its errors) to replace the
        // form's own and be parsed: the form's document is marked before the click, the next one is not. A wait for the
        // load state after the click timed out twice in TwoFactorPagesTests on a loaded machine (the other test assembly
        // running beside it): it could look at the form's own document.
        await page.EvaluateAsync("() => { window.signInFormSent = true; }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForFunctionAsync("() => !window.signInFormSent && document.readyState !== 'loading'");
        if (page.Url.Contains("/compte/connexion-code", StringComparison.Ordinal))
        {
            // Demo staff accounts have two-factor authentication; in demo mode the page shows the current code.
            await page.GetByLabel("Code de l'application ou code de secours").FillAsync(await page.GetByTestId("demo-code").InnerTextAsync());
            await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        }
    }

    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = true });
    }
}
