using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CilPortal.EndToEnd;

[Collection(BrowserTests.Name)]
public class CiaPagesTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_epci_reads_its_cia_dashboard_drill_down_report_targets_and_sectors_with_no_accessibility_violation(bool phone)
    {
        var year = DateTime.UtcNow.Year - 1;
        var page = phone ? await browser.NewPhonePageAsync() : await browser.NewDesktopPageAsync();
        var suffix = phone ? "" : "-bureau";
        await page.SignInAsync(DemoAccounts.EpciAdministrator);
        await page.WaitForURLAsync("**/gestion");

        foreach (var (url, name) in new[]
        {
            ($"/gestion/epci/cia?annee={year}", "epci-cia"),
            ($"/gestion/epci/cia/attributions?annee={year}&indicateur=OutsideQpvFirstQuartile", "epci-cia-attributions"),
            ($"/gestion/epci/cia/bilan?annee={year}", "epci-cia-bilan"),
            ($"/gestion/epci/cia/objectifs?annee={year}", "epci-cia-objectifs"),
            ("/gestion/epci/secteurs", "epci-secteurs"),
        })
        {
            await page.GotoAsync(url);
            await page.ScreenshotAsync(name + suffix);
            await page.AssertNoWcagViolationsAsync();
            if (phone)
            {
                var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
                Assert.False(overflow, $"{url} scrolls sideways on a phone.");
            }
        }
    }

    [Fact]
    public async Task A_what_if_ranks_candidates_on_a_phone()
    {
        List<string> nurs;
        using (var scope = browser.Portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            nurs = await db.Demands.Where(d => d.Status == CilPortal.Domain.Demands.DemandStatus.Active).OrderBy(d => d.Id).Skip(10).Take(3).Select(d => d.Nur).ToListAsync();
        }

        var page = await browser.NewPhonePageAsync();
        await page.SignInAsync(DemoAccounts.EpciAdministrator);
        await page.WaitForURLAsync("**/gestion");
        await page.GotoAsync("/gestion/epci/cia/simulation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simuler" }).ClickAsync();
        Assert.True(await page.GetByTestId("form-errors").IsVisibleAsync());
        await page.AssertNoWcagViolationsAsync();

        await page.GetByLabel("Logement vacant").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Contingent (réservataire)").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Demandes candidates").FillAsync(string.Join("\n", nurs));
        await page.GetByRole(AriaRole.Button, new() { Name = "Simuler" }).ClickAsync();
        Assert.Equal(3, await page.GetByTestId("candidate").CountAsync());
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "The what-if scrolls sideways on a phone.");
        await page.ScreenshotAsync("epci-cia-simulation");
        await page.AssertNoWcagViolationsAsync();
    }
}
