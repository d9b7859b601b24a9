using System.Net;
using CilPortal.Tests.Support;

namespace CilPortal.Tests.Web;

public class PublicPagesTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    private readonly HttpClient client = factory.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task Home_page_is_in_french_shows_the_territory_figures_and_says_the_data_is_fictional()
    {
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains("Demander un logement social, simplement", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Communes</dt><dd>37</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Quartiers prioritaires</dt><dd>3</dd>", html, StringComparison.Ordinal);
        Assert.Contains("toutes les personnes, demandes et logements affichés sont fictifs", html, StringComparison.Ordinal);
        Assert.Contains("Accessibilité : <a href=\"/informations/accessibilite\">non conforme</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/n-existe-pas")]
    [InlineData("/informations/n-existe-pas")]
    [InlineData("/informations/ACCESSIBILITE")]
    [InlineData("/informations/..%2F..%2Fappsettings")]
    [InlineData("/informations/accessibilite.md")]
    public async Task Unknown_or_malformed_addresses_answer_a_french_404_page(string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page introuvable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/informations/accessibilite", "Déclaration d'accessibilité")]
    [InlineData("/informations/mentions-legales", "Mentions légales")]
    [InlineData("/informations/donnees-personnelles", "Données personnelles")]
    [InlineData("/plan-du-site", "Plan du site")]
    [InlineData("/informations", "S'informer")]
    [InlineData("/lieux-accueil", "Lieux d'accueil")]
    public async Task Footer_and_menu_pages_are_open_to_everyone(string url, string title)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<h1>{title}", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Content_pages_never_let_raw_html_through()
    {
        var html = await client.GetStringAsync(new Uri("/informations/faq", UriKind.Relative));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Mis à jour le", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reception_points_list_the_five_demo_places_with_their_commune()
    {
        var html = await client.GetStringAsync(new Uri("/lieux-accueil", UriKind.Relative));

        Assert.Equal(5, html.Split("class=\"place\"").Length - 1);
        Assert.Contains("Narbonne", html, StringComparison.Ordinal);
        Assert.Contains("Enregistrement des demandes", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_answers_healthy_without_details()
    {
        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Responses_carry_the_security_headers()
    {
        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Theme_stylesheet_carries_the_configured_colours()
    {
        var css = await client.GetStringAsync(new Uri("/theme.css", UriKind.Relative));

        Assert.Contains("--color-primary:#0b5d7a", css, StringComparison.Ordinal);
    }
}
