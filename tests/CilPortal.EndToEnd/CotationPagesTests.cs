using CilPortal.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace CilPortal.EndToEnd;

[Collection(BrowserTests.Name)]
public class CotationPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_administrator_edits_a_draft_grid_and_previews_it_on_a_phone()
    {
        var page = await browser.NewPhonePageAsync();
        await page.SignInAsync(DemoAccounts.EpciAdministrator);
        await page.WaitForURLAsync("**/gestion");

        await page.GotoAsync("/gestion/epci/cotation");
        await page.ScreenshotAsync("gestion-cotation");
        await page.AssertNoWcagViolationsAsync();

        await page.GetByTestId("new-draft").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/gestion/epci/cotation/\\d+$"));
        var points = page.GetByTestId("criterion-EXPULSION").GetByLabel("Points", new() { Exact = true });
        await points.FillAsync("beaucoup");
        await page.GetByTestId("save-draft").ClickAsync();
        Assert.True(await page.GetByTestId("form-errors").IsVisibleAsync());
        await page.ScreenshotAsync("gestion-cotation-brouillon-erreur");
        await page.AssertNoWcagViolationsAsync();

        await page.GetByTestId("criterion-EXPULSION").GetByLabel("Points", new() { Exact = true }).FillAsync("25");
        await page.GetByTestId("save-draft").ClickAsync();
        Assert.Contains("enregistré", await page.GetByTestId("saved").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync("gestion-cotation-brouillon");
        await page.AssertNoWcagViolationsAsync();

        await page.GetByTestId("preview-link").ClickAsync();
        await page.WaitForURLAsync("**/apercu");
        Assert.True(await page.GetByTestId("largest-moves").IsVisibleAsync());
        await page.ScreenshotAsync("gestion-cotation-apercu");
        await page.AssertNoWcagViolationsAsync();
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "The preview scrolls sideways on a phone.");

        // Leave the shared portal as it was: the draft is deleted, nothing was published.
        await page.GoBackAsync();
        await page.GetByTestId("delete-draft").ClickAsync();
        await page.WaitForURLAsync("**/gestion/epci/cotation");
    }

    [Fact]
    public async Task A_reception_agent_ranks_the_demands_for_a_dwelling_on_a_phone()
    {
        var page = await browser.NewPhonePageAsync();
        await page.SignInAsync(DemoAccounts.ReceptionAgent);
        await page.WaitForURLAsync("**/gestion");

        await page.GotoAsync("/gestion/cotation");
        await page.GetByLabel("Typologie du logement").SelectOptionAsync("T3");
        await page.GetByLabel("Commune").SelectOptionAsync(new SelectOptionValue { Label = "Narbonne" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Afficher le classement" }).ClickAsync();

        Assert.True(await page.GetByTestId("ranking").IsVisibleAsync());
        await page.ScreenshotAsync("gestion-classement");
        await page.AssertNoWcagViolationsAsync();

        await page.GetByTestId("ranking").Locator("a").First.ClickAsync();
        Assert.True(await page.GetByTestId("score-breakdown").IsVisibleAsync());
        await page.ScreenshotAsync("gestion-cotation-demande");
        await page.AssertNoWcagViolationsAsync();
    }
}
