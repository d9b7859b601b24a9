using CilPortal.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace CilPortal.EndToEnd;

[Collection(BrowserTests.Name)]
public class AppointmentPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_applicant_books_an_appointment_on_a_phone_and_the_desk_sees_it_in_its_agenda()
    {
        var page = await browser.NewPhonePageAsync();
        await page.GotoAsync("/rendez-vous");
        await page.GetByLabel("Lieu d'accueil").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Motif").SelectOptionAsync("FirstInformation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Voir les créneaux libres" }).ClickAsync();
        await page.ScreenshotAsync("rendez-vous");
        await page.AssertNoWcagViolationsAsync();

        // The form leaves once the anti-robot check is done: wait for the answer.
        await page.GetByTestId("book").ClickAsync();
        await page.GetByTestId("form-errors").WaitForAsync();
        await page.ScreenshotAsync("rendez-vous-erreurs");
        await page.AssertNoWcagViolationsAsync();

        await page.Locator(".slot label").First.ClickAsync();
        await page.GetByLabel("Nom et prénom").FillAsync("Nadia Benali");
        await page.GetByLabel("Téléphone").FillAsync("06 12 34 56 78");
        await page.GetByTestId("book").ClickAsync();
        await page.GetByTestId("booked").WaitForAsync();
        await page.ScreenshotAsync("rendez-vous-confirme");
        await page.AssertNoWcagViolationsAsync();
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "The booking confirmation scrolls sideways on a phone.");

        var desk = await browser.NewDesktopPageAsync();
        await desk.SignInAsync(DemoAccounts.ReceptionAgent);
        await desk.WaitForURLAsync("**/gestion");
        await desk.GotoAsync("/gestion/accueil/agenda");
        await desk.ScreenshotAsync("accueil-agenda");
        await desk.AssertNoWcagViolationsAsync();
    }
}
