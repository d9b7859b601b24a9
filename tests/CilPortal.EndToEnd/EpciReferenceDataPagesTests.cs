using CilPortal.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace CilPortal.EndToEnd;

[Collection(BrowserTests.Name)]
public class EpciReferenceDataPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_qpv_import_bailleurs_and_reservataires_pages_work_on_a_phone_with_no_accessibility_violation()
    {
        var page = await browser.NewPhonePageAsync();
        await page.SignInAsync(DemoAccounts.EpciAdministrator);
        await page.WaitForURLAsync("**/gestion");

        foreach (var (url, name) in new[]
        {
            ("/gestion/epci/qpv/import", "epci-qpv-import"),
            ("/gestion/epci/bailleurs", "epci-bailleurs"),
            ("/gestion/epci/reservataires", "epci-reservataires"),
        })
        {
            await page.GotoAsync(url);
            await page.ScreenshotAsync(name);
            await page.AssertNoWcagViolationsAsync();
            Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), $"{url} scrolls sideways on a phone.");
        }

        // Errors shown in each form, without writing anything.
        await page.GotoAsync("/gestion/epci/reservataires");
        await page.GetByLabel("Type").SelectOptionAsync("Commune");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le réservataire" }).ClickAsync();
        Assert.True(await page.GetByTestId("form-errors").IsVisibleAsync());
        await page.ScreenshotAsync("epci-reservataires-erreurs");
        await page.AssertNoWcagViolationsAsync();

        await page.GotoAsync("/gestion/epci/qpv/import");
        await page.GetByLabel("Fichier GeoJSON des contours").SetInputFilesAsync(new FilePayload { Name = "qpv.geojson", MimeType = "application/geo+json", Buffer = "pas du JSON"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Importer les contours" }).ClickAsync();
        Assert.True(await page.GetByTestId("import-errors").IsVisibleAsync());
        await page.ScreenshotAsync("epci-qpv-import-erreurs");
        await page.AssertNoWcagViolationsAsync();
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "The QPV import report scrolls sideways on a phone.");
    }
}
