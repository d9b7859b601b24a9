using CilPortal.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace CilPortal.EndToEnd;

[Collection(BrowserTests.Name)]
public class AdministrationPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_administrator_creates_a_staff_account_then_reads_the_journal_on_a_desktop_and_on_a_phone()
    {
        var page = await browser.NewDesktopPageAsync();
        await page.SignInAsync(DemoAccounts.EpciAdministrator);
        await page.WaitForURLAsync("**/gestion");
        await page.GotoAsync("/gestion/epci/utilisateurs/nouveau");
        await page.GetByLabel("Prénom et nom").FillAsync("Denise Bailleur");
        await page.GetByLabel("Adresse électronique professionnelle").FillAsync("denise.bailleur@exemple.fr");
        await page.GetByLabel("Rôle").SelectOptionAsync(new SelectOptionValue { Label = "Agent bailleur" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le compte" }).ClickAsync();
        Assert.True(await page.GetByTestId("form-errors").IsVisibleAsync());
        await page.ScreenshotAsync("epci-utilisateurs-nouveau-erreurs");
        await page.AssertNoWcagViolationsAsync();

        await page.GetByLabel("Bailleur (agent bailleur seulement)").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le compte" }).ClickAsync();
        await page.WaitForURLAsync("**/gestion/epci/utilisateurs");
        Assert.True(await page.GetByTestId("account-denise.bailleur@exemple.fr").IsVisibleAsync());
        await page.ScreenshotAsync("epci-utilisateurs-bureau");
        await page.AssertNoWcagViolationsAsync();

        await page.GotoAsync("/gestion/epci/journal?action=utilisateur-creation");
        await page.Locator("details summary").First.ClickAsync();
        await page.ScreenshotAsync("epci-journal-bureau");
        await page.AssertNoWcagViolationsAsync();

        var phone = await browser.NewPhonePageAsync();
        await phone.SignInAsync(DemoAccounts.EpciAdministrator);
        await phone.WaitForURLAsync("**/gestion");
        foreach (var (url, name) in new[] { ("/gestion/epci/utilisateurs", "epci-utilisateurs"), ("/gestion/epci/utilisateurs/nouveau", "epci-utilisateurs-nouveau"), ("/gestion/epci/journal", "epci-journal") })
        {
            await phone.GotoAsync(url);
            if (url.EndsWith("journal", StringComparison.Ordinal))
            {
                await phone.Locator("details summary").First.ClickAsync();
            }

            await phone.ScreenshotAsync(name);
            await phone.AssertNoWcagViolationsAsync();
            var overflow = await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
            Assert.False(overflow, $"{url} scrolls sideways on a phone.");
        }
    }
}
