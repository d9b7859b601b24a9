using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CilPortal.EndToEnd;

[Collection(BrowserTests.Name)]
public class CommissionPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_administrator_opens_a_case_on_a_phone_after_fixing_mistakes_and_adds_an_action()
    {
        string nur;
        using (var scope = browser.Portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            nur = await db.Demands.Where(d => !db.CoordinationCases.Any(c => c.DemandId == d.Id)).OrderBy(d => d.Id).Skip(400).Select(d => d.Nur).FirstAsync();
        }

        var page = await browser.NewPhonePageAsync();
        await page.SignInAsync(DemoAccounts.EpciAdministrator);
        await page.WaitForURLAsync("**/gestion");
        await page.GotoAsync("/gestion/epci");
        await page.GetByTestId("commission-link").ClickAsync();
        await page.WaitForURLAsync("**/gestion/epci/commission");
        Assert.True(await page.GetByTestId("cases").IsVisibleAsync());
        Assert.True(await page.Locator(".case--overdue").First.IsVisibleAsync());
        await page.ScreenshotAsync("commission-liste");
        await page.AssertNoWcagViolationsAsync();
        await AssertNoSidewaysScrollAsync(page, "the list");

        await page.GetByTestId("new-case").ClickAsync();
        await page.GetByLabel("Numéro unique de la demande (18 caractères)").FillAsync("011122599999912345");
        await page.GetByTestId("open-case").ClickAsync();
        Assert.True(await page.GetByTestId("form-errors").IsVisibleAsync());
        Assert.Contains("Aucune demande ne porte le numéro", await page.GetByTestId("form-errors").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync("commission-nouveau-erreurs");
        await page.AssertNoWcagViolationsAsync();
        await AssertNoSidewaysScrollAsync(page, "the new case form");

        await page.GetByLabel("Numéro unique de la demande (18 caractères)").FillAsync(nur);
        await page.GetByLabel("Motif de la saisine").SelectOptionAsync("ParticularExamination");
        await page.GetByLabel("Organisme qui saisit la commission").FillAsync("Service social du Département");
        await page.GetByLabel("Pièces attendues (facultatif, une par ligne)").FillAsync("Rapport social\nAvis d'imposition");
        await page.GetByTestId("open-case").ClickAsync();
        await page.WaitForURLAsync("**/gestion/epci/commission/*");
        Assert.True(await page.GetByTestId("saved").IsVisibleAsync());
        Assert.Contains(nur, await page.GetByTestId("case-summary").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByLabel("Action à mener").FillAsync("Recevoir le ménage avec le service social.");
        await page.GetByLabel("Porteur (personne ou organisme)").FillAsync("Service social du Département");
        await page.GetByLabel("Échéance").FillAsync(DateTime.Today.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter l'action" }).ClickAsync();
        await page.GetByTestId("actions").WaitForAsync();
        Assert.True(await page.GetByTestId("actions").IsVisibleAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Clore le dossier" }).ClickAsync();
        Assert.Contains("Indiquez la note de clôture", await page.GetByTestId("form-errors").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync("commission-dossier");
        await page.AssertNoWcagViolationsAsync();
        await AssertNoSidewaysScrollAsync(page, "the case");

        await page.GotoAsync("/gestion/epci/commission/seances/nouvelle");
        await page.ScreenshotAsync("commission-seance");
        await page.AssertNoWcagViolationsAsync();
        await AssertNoSidewaysScrollAsync(page, "the session form");
    }

    [Fact]
    public async Task An_invited_reception_agent_reads_the_case_and_marks_their_action_done_on_a_phone()
    {
        var page = await browser.NewPhonePageAsync();
        await page.SignInAsync(DemoAccounts.ReceptionAgent);
        await page.WaitForURLAsync("**/gestion");
        await page.GotoAsync("/gestion/epci/commission");
        await page.Locator(".case__title a").First.ClickAsync();
        await page.WaitForURLAsync("**/gestion/epci/commission/*");
        Assert.Equal(0, await page.GetByTestId("close-form").CountAsync());
        await page.ScreenshotAsync("commission-dossier-agent");
        await page.AssertNoWcagViolationsAsync();
        await page.Locator("[data-testid^=done-]").First.ClickAsync();
        Assert.True(await page.GetByTestId("saved").IsVisibleAsync());
        await AssertNoSidewaysScrollAsync(page, "the case seen by an agent");
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page, string what) =>
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), $"{what} scrolls sideways on a phone.");
}
