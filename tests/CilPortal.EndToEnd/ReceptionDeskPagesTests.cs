using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CilPortal.EndToEnd;

[Collection(BrowserTests.Name)]
public class ReceptionDeskPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_agent_searches_opens_a_demand_notes_an_interview_and_prints_a_sheet_at_desktop_width()
    {
        string nur;
        using (var scope = browser.Portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            nur = await db.Demands.OrderBy(d => d.Id).Skip(300).Select(d => d.Nur).FirstAsync();
        }

        var page = await browser.NewDesktopPageAsync();
        await page.SignInAsync(DemoAccounts.ReceptionAgent);
        await page.WaitForURLAsync("**/gestion");

        await page.GotoAsync("/gestion/accueil/recherche");
        await page.GetByLabel("Numéro unique (18 caractères)").FillAsync(nur);
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        Assert.Contains("1 demande trouvée", await page.GetByTestId("result-count").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync("accueil-recherche");
        await page.AssertNoWcagViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Accueil du demandeur au guichet" }).ClickAsync();
        Assert.True(await page.GetByTestId("staff-demand").IsVisibleAsync());
        await page.ScreenshotAsync("accueil-demande");
        await page.AssertNoWcagViolationsAsync();

        await page.GetByTestId("record-interview").ClickAsync();
        await page.GetByLabel("Lieu d'accueil").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Motif").SelectOptionAsync("FirstInformation");
        await page.GetByLabel("Suite donnée (visible par le demandeur)").FillAsync("Informations données sur les pièces justificatives.");
        await page.ScreenshotAsync("accueil-entretien");
        await page.AssertNoWcagViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Noter l'entretien" }).ClickAsync();
        Assert.True(await page.GetByTestId("interviews").IsVisibleAsync());

        await page.GetByTestId("documents").ClickAsync();
        await page.GetByLabel("Pièce d'identité de chaque adulte").CheckAsync();
        await page.ScreenshotAsync("accueil-pieces");
        await page.AssertNoWcagViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        Assert.True(await page.GetByTestId("saved").IsVisibleAsync());

        await page.GotoAsync("/gestion/accueil/horaires");
        await page.ScreenshotAsync("accueil-horaires");
        await page.AssertNoWcagViolationsAsync();
        await page.GoBackAsync();

        await page.GetByTestId("information-sheet").ClickAsync();
        await page.GetByTestId("issue-code").ClickAsync();
        Assert.Matches("^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}$", (await page.GetByTestId("access-code").InnerTextAsync()).Trim());
        await page.ScreenshotAsync("accueil-fiche");
        await page.AssertNoWcagViolationsAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator(".site-header").IsVisibleAsync());
        await page.ScreenshotAsync("accueil-fiche-impression");
    }
}

[Collection(BrowserTests.Name)]
public class DeskRegistrationPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_agent_registers_a_demand_at_the_desk_on_a_phone_sized_screen_and_fixes_a_mistake_first()
    {
        var page = await browser.NewPhonePageAsync();
        await page.SignInAsync(DemoAccounts.ReceptionAgent);
        await page.WaitForURLAsync("**/gestion");
        await page.GotoAsync("/gestion/accueil");
        await page.GetByTestId("new-demand-link").ClickAsync();
        await page.WaitForURLAsync("**/gestion/accueil/nouvelle-demande");
        await page.ScreenshotAsync("accueil-nouvelle-demande");
        await page.AssertNoWcagViolationsAsync();

        await page.Locator("#Input_Applicant_LastName").FillAsync("Fabre");
        await page.Locator("#Input_Applicant_FirstName").FillAsync("Jeanne");
        await page.Locator("#Input_Applicant_BirthDate").FillAsync("1979-03-21");
        await page.Locator("#Input_CurrentRent").FillAsync("-12");
        await page.GetByTestId("register-demand").ClickAsync();
        Assert.True(await page.GetByTestId("form-errors").IsVisibleAsync());
        await page.ScreenshotAsync("accueil-nouvelle-demande-erreurs");
        await page.AssertNoWcagViolationsAsync();

        await page.Locator("#Input_CurrentHousing").SelectOptionAsync("HostedByFamilyOrFriends");
        await page.Locator("#Input_CurrentRent").FillAsync("");
        await page.Locator("#Input_ReferenceIncomeN2").FillAsync("7 480");
        await page.Locator("#Input_Resources_0__Code").SelectOptionAsync("RSA");
        await page.Locator("#Input_Resources_0__MonthlyAmount").FillAsync("646,52");
        await page.Locator("#Input_WishedCommunes").CheckAsync();
        await page.Locator("#Input_WishedTypologies").CheckAsync();
        await page.GetByTestId("register-demand").ClickAsync();
        await page.WaitForURLAsync("**/gestion/accueil/demandes/*");
        Assert.Contains("Demande enregistrée sous le n°", await page.ContentAsync(), StringComparison.Ordinal);
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "The new demand scrolls sideways on a phone.");
    }
}
