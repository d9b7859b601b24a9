using System.Net;
using CilPortal.Domain.Stock;
using CilPortal.Infrastructure.Data;
using CilPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Web;

public class KeyFiguresPagesTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    private readonly HttpClient client = factory.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task The_epci_page_has_the_table_the_charts_and_the_summary()
    {
        var html = await client.GetStringAsync(new Uri("/chiffres-cles", UriKind.Relative));

        Assert.Contains("Chiffres clés : CA Le Grand Narbonne", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"figures-by-typology\"", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"chart\"", html, StringComparison.Ordinal);
        Assert.Contains("role=\"img\" aria-labelledby=\"epci-demandes-titre epci-demandes-desc\"", html, StringComparison.Ordinal);
        Assert.Matches("<dt>Attente médiane</dt><dd>[0-9]+(,[0-9])? mois</dd>", System.Net.WebUtility.HtmlDecode(html));
        Assert.Contains("aria-labelledby=\"epci-attributions-titre epci-attributions-desc\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-labelledby=\"epci-stock-titre epci-stock-desc\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_small_commune_shows_moins_de_5_instead_of_small_counts()
    {
        string smallest;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            var withStock = await db.Residences.Select(r => r.CommuneInseeCode).Distinct().ToListAsync();
            smallest = (await db.Communes.Select(c => c.InseeCode).ToListAsync()).First(c => !withStock.Contains(c));
        }

        var html = await client.GetStringAsync(new Uri($"/chiffres-cles/{smallest}", UriKind.Relative));

        Assert.Contains("<dt>Logements sociaux</dt><dd>moins de 5</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<td>moins de 5</td>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Demandes pour 1 attribution</dt><dd>non publié</dd>", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/chiffres-cles/99999")]
    [InlineData("/chiffres-cles/abc")]
    [InlineData("/chiffres-cles/11262%27%20OR%201%3D1")]
    public async Task Unknown_communes_are_a_404(string url) =>
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);

    [Fact]
    public async Task Choosing_a_commune_in_the_form_leads_to_its_page()
    {
        var response = await client.GetAsync(new Uri("/chiffres-cles?commune=11106", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/chiffres-cles/11106", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Figures_are_cached_but_follow_a_change_of_the_stock_at_once()
    {
        var before = await StockOfNarbonne();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            var residence = await db.Residences.FirstAsync(r => r.CommuneInseeCode == "11262");
            db.Dwellings.Add(new Dwelling { ResidenceId = residence.Id, Reference = "TEST-CACHE-1", Typology = Typology.T3, Surface = 60, Rent = 380, Charges = 50 });
            await db.SaveChangesAsync();
        }

        var after = await StockOfNarbonne();

        Assert.Equal(before + 1, after);
    }

    private async Task<int> StockOfNarbonne()
    {
        var html = await client.GetStringAsync(new Uri("/chiffres-cles/11262", UriKind.Relative));
        var start = html.IndexOf("<dt>Logements sociaux</dt><dd>", StringComparison.Ordinal) + "<dt>Logements sociaux</dt><dd>".Length;
        var text = html[start..html.IndexOf("</dd>", start, StringComparison.Ordinal)];
        return int.Parse(new string(text.Where(char.IsDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture);
    }
}
