using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CilPortal.EndToEnd;

[Collection(BrowserTests.Name)]
public class BailleurPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_bailleur_agent_reads_the_stock_and_objectives_on_a_phone()
    {
        var page = await browser.NewPhonePageAsync();
        await page.SignInAsync(DemoAccounts.BailleurAgent1);
        await page.WaitForURLAsync("**/gestion");

        await page.GotoAsync("/gestion/bailleur");
        Assert.True(await page.GetByTestId("bailleur-figures").IsVisibleAsync());
        await page.ScreenshotAsync("bailleur-accueil");
        await page.AssertNoWcagViolationsAsync();

        await page.GotoAsync("/gestion/bailleur/patrimoine");
        Assert.True(await page.GetByTestId("residences").IsVisibleAsync());
        await page.ScreenshotAsync("bailleur-patrimoine");
        await page.AssertNoWcagViolationsAsync();

        await page.GetByTestId("residences").GetByRole(AriaRole.Link).First.ClickAsync();
        Assert.True(await page.GetByTestId("dwellings").IsVisibleAsync());
        await page.ScreenshotAsync("bailleur-residence");
        await page.AssertNoWcagViolationsAsync();

        await page.GotoAsync($"/gestion/bailleur/objectifs?annee={DateTime.Today.Year - 1}");
        Assert.True(await page.GetByTestId("objectives").IsVisibleAsync());
        await page.ScreenshotAsync("bailleur-objectifs");
        await page.AssertNoWcagViolationsAsync();

        foreach (var (url, name) in new[]
        {
            ("/gestion/bailleur/attributions", "bailleur-attributions-telephone"),
            ("/gestion/bailleur/attributions/nouvelle", "bailleur-examen-saisie-telephone"),
            ("/gestion/bailleur/patrimoine/import", "bailleur-import-patrimoine"),
            ("/gestion/bailleur/attributions/import", "bailleur-import-attributions"),
        })
        {
            await page.GotoAsync(url);
            await page.ScreenshotAsync(name);
            await page.AssertNoWcagViolationsAsync();
        }

        await page.GotoAsync("/gestion/bailleur/attributions");
        await page.GetByTestId("examinations").GetByRole(AriaRole.Link).First.ClickAsync();
        Assert.True(await page.GetByTestId("examination-summary").IsVisibleAsync());
        await page.ScreenshotAsync("bailleur-examen-telephone");
        await page.AssertNoWcagViolationsAsync();
    }

    [Fact]
    public async Task The_epci_sets_a_year_s_threshold_on_a_phone()
    {
        var page = await browser.NewPhonePageAsync();
        await page.SignInAsync(DemoAccounts.EpciAdministrator);
        await page.WaitForURLAsync("**/gestion");
        await page.GotoAsync("/gestion/epci/cia/annees");
        Assert.True(await page.GetByTestId("cia-years").IsVisibleAsync());
        await page.ScreenshotAsync("epci-cia-annees");
        await page.AssertNoWcagViolationsAsync();

        await page.GetByLabel("Seuil du premier quartile (€ par unité de consommation et par an)").FillAsync("pas un nombre");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        Assert.True(await page.GetByTestId("form-errors").IsVisibleAsync());
        await page.ScreenshotAsync("epci-cia-annees-erreur");
        await page.AssertNoWcagViolationsAsync();
    }

    [Fact]
    public async Task A_bailleur_agent_records_an_examination_then_the_answer_and_the_lease_at_desktop_width()
    {
        List<string> nurs;
        using (var scope = browser.Portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            nurs = await db.Demands.Where(d => d.Status == DemandStatus.Active).OrderBy(d => d.Id).Skip(500).Take(3).Select(d => d.Nur).ToListAsync();
        }

        var page = await browser.NewDesktopPageAsync();
        await page.SignInAsync(DemoAccounts.BailleurAgent1);
        await page.WaitForURLAsync("**/gestion");
        await page.GotoAsync("/gestion/bailleur/attributions");
        await page.ScreenshotAsync("bailleur-attributions");
        await page.AssertNoWcagViolationsAsync();

        await page.GetByTestId("vacant").GetByRole(AriaRole.Link).First.ClickAsync();
        await page.GetByLabel("Contingent (réservataire)").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        for (var i = 0; i < nurs.Count; i++)
        {
            var candidate = page.GetByTestId($"candidate-{i + 1}");
            await candidate.GetByLabel("Numéro unique de la demande").FillAsync(nurs[i]);
            await candidate.GetByLabel("Décision").SelectOptionAsync(i == 2 ? "NonAttribution" : "Attribution");
            if (i < 2)
            {
                await candidate.GetByLabel("Rang (attribution)").FillAsync((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                await candidate.GetByLabel("Motifs ou condition suspensive").FillAsync("Typologie inadaptée à la composition du ménage.");
            }
        }

        await page.ScreenshotAsync("bailleur-examen-saisie");
        await page.AssertNoWcagViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'examen" }).ClickAsync();
        Assert.True(await page.GetByTestId("message").IsVisibleAsync());

        await page.GetByTestId($"answer-form-{nurs[0]}").GetByRole(AriaRole.Button).ClickAsync();
        await page.GetByTestId($"lease-form-{nurs[0]}").GetByRole(AriaRole.Button).ClickAsync();
        Assert.True(await page.GetByTestId("classification").IsVisibleAsync());
        await page.ScreenshotAsync("bailleur-examen");
        await page.AssertNoWcagViolationsAsync();
    }
}
