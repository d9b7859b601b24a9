using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CilPortal.EndToEnd;

[Collection(BrowserTests.Name)]
public class ExchangePagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_tenant_at_phone_size_browses_edits_sees_matches_proposes_a_chain_and_follows_it()
    {
        string nur;
        using (var scope = browser.Portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            nur = await db.Demands.Where(d => d.Status == DemandStatus.Active).OrderBy(d => d.Id).Skip(40).Select(d => d.Nur).FirstAsync();
        }

        var page = await browser.NewPhonePageAsync();
        await page.GotoAsync("/echanges");
        await page.ScreenshotAsync("echanges-presentation");
        await page.AssertNoWcagViolationsAsync();

        await page.SignInAsync(DemoAccounts.Tenant);
        await page.GotoAsync("/echanges/mon-espace");
        Assert.True(await page.GetByTestId("pseudonym").IsVisibleAsync());
        await page.ScreenshotAsync("echanges-mon-espace");
        await page.AssertNoWcagViolationsAsync();

        await page.GotoAsync("/echanges/annonces");
        await page.GetByLabel("Typologie").SelectOptionAsync("T3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        Assert.Contains("annonce", await page.GetByTestId("result-count").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync("echanges-annonces");
        await page.AssertNoWcagViolationsAsync();
        await page.GetByTestId("listing-card").First.GetByRole(AriaRole.Link).ClickAsync();
        Assert.True(await page.GetByTestId("listing-facts").IsVisibleAsync());
        await page.ScreenshotAsync("echanges-annonce");
        await page.AssertNoWcagViolationsAsync();

        await page.GotoAsync("/echanges/mon-annonce");
        await page.GetByLabel("Surface habitable (m²)").FillAsync("abc");
        await page.GetByTestId("save-listing").ClickAsync();
        Assert.True(await page.GetByTestId("form-errors").IsVisibleAsync());
        await page.ScreenshotAsync("echanges-mon-annonce-erreur");
        await page.AssertNoWcagViolationsAsync();

        await page.GotoAsync("/echanges/compatibles");
        Assert.True(await page.GetByTestId("cycle").First.IsVisibleAsync());
        await page.ScreenshotAsync("echanges-compatibles");
        await page.AssertNoWcagViolationsAsync();
        await page.Locator("[data-testid=cycle]", new() { HasText = "Échange à trois" }).First.GetByTestId("propose-link").ClickAsync();
        await page.GetByLabel("Numéro unique de ma demande de logement social").FillAsync(nur);
        await page.ScreenshotAsync("echanges-proposer");
        await page.AssertNoWcagViolationsAsync();
        await page.GetByTestId("send-proposal").ClickAsync();
        Assert.Contains("En attente des réponses", await page.GetByTestId("proposal-status").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(3, await page.GetByTestId("household").CountAsync());
        await page.ScreenshotAsync("echanges-suivi");
        await page.AssertNoWcagViolationsAsync();
    }

    [Fact]
    public async Task A_bailleur_agent_at_phone_size_sees_the_exchange_desk_and_validates_a_listing()
    {
        var page = await browser.NewPhonePageAsync();
        await page.SignInAsync(DemoAccounts.BailleurAgent1);
        await page.WaitForURLAsync("**/gestion");
        await page.GotoAsync("/gestion/bailleur/echanges");
        Assert.True(await page.GetByTestId("members-to-verify").IsVisibleAsync());
        await page.ScreenshotAsync("bailleur-echanges");
        await page.AssertNoWcagViolationsAsync();
        await page.GetByTestId("listings-to-validate").GetByRole(AriaRole.Link).First.ClickAsync();
        await page.ScreenshotAsync("bailleur-echanges-annonce");
        await page.AssertNoWcagViolationsAsync();
        await page.GetByTestId("publish").ClickAsync();
        Assert.Contains("Publiée", await page.GetByTestId("listing-status").InnerTextAsync(), StringComparison.Ordinal);
        await page.GotoAsync("/gestion/bailleur/echanges");
        await page.GetByTestId("members-to-verify").GetByRole(AriaRole.Link).First.ClickAsync();
        await page.ScreenshotAsync("bailleur-echanges-inscription");
        await page.AssertNoWcagViolationsAsync();
    }
}
