using CilPortal.Infrastructure.Seeding;
using CilPortal.Tests.Support;
using CilPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CilPortal.EndToEnd;

[Collection(BrowserTests.Name)]
public class PhonePagesTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("/", "accueil")]
    [InlineData("/informations", "informations")]
    [InlineData("/informations/accessibilite", "accessibilite")]
    [InlineData("/lieux-accueil", "lieux-accueil")]
    [InlineData("/plan-du-site", "plan-du-site")]
    [InlineData("/compte/connexion", "connexion")]
    [InlineData("/lieux-accueil/1", "lieu-accueil")]
    [InlineData("/chiffres-cles", "chiffres-cles")]
    [InlineData("/chiffres-cles/11262", "chiffres-cles-narbonne")]
    [InlineData("/chiffres-cles/11012", "chiffres-cles-petite-commune")]
    [InlineData("/simulateur", "simulateur")]
    [InlineData("/cotation", "cotation")]
    [InlineData("/recherche?q=demande", "recherche")]
    [InlineData("/contact", "contact")]
    [InlineData("/ma-demande/suivi", "suivi")]
    [InlineData("/compte/inscription", "inscription")]
    [InlineData("/informations/faq", "faq")]
    public async Task Public_page_at_phone_size_has_no_wcag_violation_and_no_horizontal_scroll(string url, string name)
    {
        var page = await browser.NewPhonePageAsync();

        var response = await page.GotoAsync(url);

        Assert.Equal(200, response!.Status);
        await page.ScreenshotAsync(name);
        await page.AssertNoWcagViolationsAsync();
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, $"{url} scrolls sideways at {BrowserFixture.PhoneWidth} px.");
    }

    [Fact]
    public async Task A_missing_page_shows_the_french_404_page_without_wcag_violation()
    {
        var page = await browser.NewPhonePageAsync();

        var response = await page.GotoAsync("/cette-page-n-existe-pas");

        Assert.Equal(404, response!.Status);
        Assert.Equal("Page introuvable", await page.GetByTestId("error-title").InnerTextAsync());
        await page.ScreenshotAsync("404");
        await page.AssertNoWcagViolationsAsync();
    }

    [Fact]
    public async Task The_skip_link_is_the_first_stop_of_the_keyboard_and_leads_to_the_content()
    {
        var page = await browser.NewPhonePageAsync();
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<string>("document.activeElement.textContent.trim()");
        await page.Keyboard.PressAsync("Enter");

        Assert.Equal("Aller au contenu", focused);
        // Following an in-page link is a same-document navigation: wait for it rather than read the URL at once.
        await page.WaitForURLAsync(url => url.EndsWith("#contenu", StringComparison.Ordinal), new() { Timeout = 5000 });
        Assert.EndsWith("#contenu", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_applicant_signs_in_on_a_phone_and_reads_their_demand()
    {
        var page = await browser.NewPhonePageAsync();

        await page.SignInAsync(DemoAccounts.Applicant);

        await page.WaitForURLAsync("**/ma-demande");
        Assert.True(await page.GetByTestId("demand-summary").IsVisibleAsync());
        Assert.True(await page.GetByTestId("score-histogram").IsVisibleAsync());
        await page.ScreenshotAsync("ma-demande");
        await page.AssertNoWcagViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Modifier mes coordonnées et mes avis" }).ClickAsync();
        await page.GetByLabel("Téléphone (facultatif)").FillAsync("pas un numéro");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        Assert.True(await page.GetByTestId("form-errors").IsVisibleAsync());
        await page.ScreenshotAsync("ma-demande-coordonnees");
        await page.AssertNoWcagViolationsAsync();
    }

    [Fact]
    public async Task The_simulator_gives_its_result_on_a_phone()
    {
        var page = await browser.NewPhonePageAsync();
        await page.GotoAsync("/simulateur");

        await page.GetByLabel("Nombre d'adultes dans le foyer").FillAsync("2");
        await page.GetByLabel("Âge de chaque enfant à charge (facultatif)").FillAsync("3, 7");
        await page.GetByLabel("Revenu fiscal de référence de votre foyer, il y a deux ans (en euros)").FillAsync("28 000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Voir le résultat" }).ClickAsync();

        var result = page.GetByTestId("simulation-result");
        Assert.Contains("catégorie 4", await result.InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync("simulateur-resultat");
        await page.AssertNoWcagViolationsAsync();
    }

    [Fact]
    public async Task The_simulator_explains_what_is_wrong()
    {
        var page = await browser.NewPhonePageAsync();
        await page.GotoAsync("/simulateur");

        await page.GetByLabel("Nombre d'adultes dans le foyer").FillAsync("0");
        await page.GetByLabel("Revenu fiscal de référence de votre foyer, il y a deux ans (en euros)").FillAsync("-3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Voir le résultat" }).ClickAsync();

        var errors = await page.GetByTestId("form-errors").InnerTextAsync();
        Assert.Contains("Le foyer compte entre 1 et 10 adultes.", errors, StringComparison.Ordinal);
        Assert.StartsWith("Erreur : ", await page.TitleAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync("simulateur-erreurs");
        await page.AssertNoWcagViolationsAsync();
    }

    [Fact]
    public async Task An_applicant_without_an_account_follows_the_demand_with_the_access_code()
    {
        string nur;
        using (var scope = browser.Portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            var id = (await db.Users.SingleAsync(u => u.Email == DemoAccounts.Applicant)).LinkedDemandId;
            nur = await db.Demands.Where(d => d.Id == id).Select(d => d.Nur).SingleAsync();
        }

        var page = await browser.NewPhonePageAsync();
        await page.GotoAsync("/ma-demande/suivi");
        await page.GetByLabel("Numéro unique").FillAsync(nur);
        await page.GetByLabel("Code d'accès").FillAsync(DemoAccounts.ApplicantAccessCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Consulter ma demande" }).ClickAsync();

        Assert.Contains(nur, await page.GetByTestId("demand-summary").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync("suivi-resultat");
        await page.AssertNoWcagViolationsAsync();
    }

    [Fact]
    public async Task A_new_account_attaches_its_demand_on_a_phone()
    {
        var email = $"telephone-{Guid.NewGuid():N}@exemple.fr";
        const string password = "une phrase assez longue";
        var page = await browser.NewPhonePageAsync();
        await page.GotoAsync("/compte/inscription");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Le même mot de passe, encore une fois").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();
        await page.GetByTestId("registration-sent").WaitForAsync();

        string link, nur, demandEmail;
        DateOnly birth;
        using (var scope = browser.Portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            var mail = await db.OutboxMessages.Where(m => m.To == email).SingleAsync();
            link = System.Text.RegularExpressions.Regex.Match(mail.TextBody, @"/compte/confirmation\S+").Value;
            var demand = await db.Demands.Include(d => d.Members).Where(d => d.Status == CilPortal.Domain.Demands.DemandStatus.Active && d.ContactEmail != null).OrderBy(d => d.Id).Skip(50).FirstAsync();
            (nur, demandEmail) = (demand.Nur, demand.ContactEmail!);
            birth = demand.Members.Single(m => m.Role == CilPortal.Domain.Demands.HouseholdRole.Applicant).BirthDate;
        }

        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer mon adresse" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Adresse confirmée" }).WaitForAsync();
        await page.SignInAsync(email, password);
        await page.GotoAsync("/ma-demande/rattacher");
        await page.ScreenshotAsync("rattacher");
        await page.AssertNoWcagViolationsAsync();
        await page.GetByLabel("Numéro unique").FillAsync(nur);
        await page.GetByLabel("Date de naissance du demandeur").FillAsync(birth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Recevoir un code" }).ClickAsync();
        await page.GetByTestId("code-form").WaitForAsync();
        await page.AssertNoWcagViolationsAsync();

        string code;
        using (var scope = browser.Portal.Services.CreateScope())
        {
            var mail = await scope.ServiceProvider.GetRequiredService<CilPortalDbContext>().OutboxMessages.Where(m => m.To == demandEmail && m.Kind == "code-rattachement").OrderByDescending(m => m.Id).FirstAsync();
            code = System.Text.RegularExpressions.Regex.Match(mail.TextBody, @": ([0-9]{6})").Groups[1].Value;
        }

        await page.GetByLabel("Code reçu par courriel").FillAsync(code);
        await page.ScreenshotAsync("rattacher-code");
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "A long account name must not widen the page.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();

        Assert.Contains(nur, await page.GetByTestId("demand-summary").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync("rattacher-fait");
        await page.AssertNoWcagViolationsAsync();
    }

    [Fact]
    public async Task The_header_sign_out_button_signs_out()
    {
        var page = await browser.NewPhonePageAsync();
        await page.SignInAsync(DemoAccounts.Tenant);
        await page.WaitForURLAsync(u => !u.Contains("/compte/connexion", StringComparison.Ordinal));

        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();

        await page.GetByTestId("login-link").WaitForAsync();
        Assert.DoesNotContain("/erreur", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_sign_in_shows_an_accessible_french_error()
    {
        var page = await browser.NewPhonePageAsync();

        await page.SignInAsync(DemoAccounts.Applicant, "mauvais-mot-de-passe");

        Assert.Contains("Adresse électronique ou mot de passe incorrect.", await page.GetByTestId("form-errors").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync("connexion-erreur");
        await page.AssertNoWcagViolationsAsync();
    }

    [Fact]
    public async Task Staff_pages_for_the_epci_are_accessible()
    {
        var page = await browser.NewPhonePageAsync();
        await page.SignInAsync(DemoAccounts.EpciAdministrator);
        await page.WaitForURLAsync("**/gestion");

        await page.GotoAsync("/gestion/epci");

        Assert.Contains("CA Le Grand Narbonne", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync("gestion-epci");
        await page.AssertNoWcagViolationsAsync();

        foreach (var (url, name) in new[]
        {
            ("/gestion/epci/lieux-accueil", "gestion-lieux"),
            ("/gestion/epci/lieux-accueil/modifier/1", "gestion-lieu-modifier"),
            ("/gestion/epci/plafonds", "gestion-plafonds"),
            ("/gestion/epci/plafonds/modifier", "gestion-plafond-ajouter"),
            ("/gestion/epci/import-sne", "gestion-import-sne"),
            ("/gestion/epci/import-evenements", "gestion-import-evenements"),
            ("/gestion/epci/agents-accueil", "gestion-agents-accueil"),
            ("/gestion/epci/rendez-vous", "gestion-delais-rendez-vous"),
        })
        {
            var response = await page.GotoAsync(url);
            Assert.Equal(200, response!.Status);
            await page.ScreenshotAsync(name);
            await page.AssertNoWcagViolationsAsync();
        }
    }
}
