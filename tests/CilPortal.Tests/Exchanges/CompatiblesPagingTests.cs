using System.Net;
using System.Text.RegularExpressions;
using CilPortal.Domain.Exchanges;
using CilPortal.Domain.Stock;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Exchanges;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Exchanges;

/// <summary>
/// « Compatibles avec moi » shows the dwellings that suit the tenant twenty at a time, best first, every one of them
/// across the pages (issue #11: the page had sixty cards and no way to the others).
/// </summary>
public partial class CompatiblesPagingTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    [Fact]
    public async Task The_tenant_walks_every_suitable_dwelling_twenty_a_page_best_first_and_a_bad_page_number_shows_the_nearest_page()
    {
        var expected = await OpenTheTenantsWishAmongManyListingsAsync();
        Assert.True(expected.Count > 2 * ExchangeMatching.SuitablePerPage, $"{expected.Count} dwellings suit the tenant: too few for three pages.");
        var tenant = await ExchangeTestData.ClientAsync(factory, DemoAccounts.Tenant);

        var shown = new List<int>();
        var address = "/echanges/compatibles";
        var pageNumber = 0;
        while (address is not null)
        {
            pageNumber++;
            var html = WebUtility.HtmlDecode(await tenant.GetStringAsync(new Uri(address, UriKind.Relative)));
            var cards = ListingLinks(html);
            Assert.InRange(cards.Count, 1, ExchangeMatching.SuitablePerPage);
            Assert.Contains($"Logements qui vous conviennent ({expected.Count})", html, StringComparison.Ordinal);
            Assert.Contains($"Logements {shown.Count + 1} à {shown.Count + cards.Count} sur {expected.Count}", html, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"cycle\"", html, StringComparison.Ordinal);
            shown.AddRange(cards);
            address = NextPage().Match(html) is { Success: true } next ? next.Groups[1].Value : null;
        }

        Assert.Equal(expected, shown);
        Assert.Equal((expected.Count + ExchangeMatching.SuitablePerPage - 1) / ExchangeMatching.SuitablePerPage, pageNumber);

        var lastPage = ListingLinks(WebUtility.HtmlDecode(await tenant.GetStringAsync(new Uri("/echanges/compatibles?page=9999", UriKind.Relative))));
        Assert.Equal(expected.TakeLast(lastPage.Count), lastPage);
        foreach (var bad in new[] { "abc", "-4", "0" })
        {
            var response = await tenant.GetAsync(new Uri($"/echanges/compatibles?page={bad}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(expected.Take(ExchangeMatching.SuitablePerPage), ListingLinks(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync())));
        }
    }

    /// <summary>
    /// Publishes three hundred more listings, opens the demo tenant's wish to any dwelling, and gives the dwellings that
    /// suit the tenant in the engine's order (best score first, then listing id).
    /// </summary>
    private async Task<List<int>> OpenTheTenantsWishAmongManyListingsAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        await new ManyExchangeListingsSeeder(db).SeedAsync(300, seed: 11);
        var mine = (await ExchangeTestData.DemoListingsAsync(factory))[0];
        var listing = await db.ExchangeListings.SingleAsync(l => l.Id == mine);
        listing.WantedCommunes = "";
        listing.WantedTypologies = TypologySet.None;
        listing.MaxRentWithCharges = null;
        listing.MinSurface = null;
        listing.MaxFloorWithoutLift = null;
        listing.RequiredAccessibility = Accessibility.None;
        listing.MustHaves = ExchangeFeatures.None;
        await db.SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<ExchangeGraphCache>().Invalidate();

        var graph = await scope.ServiceProvider.GetRequiredService<ExchangeMatching>().GraphAsync();
        return [.. graph.AcceptedBy(mine).Select(m => m.ListingId)];
    }

    private static List<int> ListingLinks(string html) =>
        [.. ListingLink().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex("<h3 class=\"card__title\"><a href=\"/echanges/annonces/([0-9]+)\">")]
    private static partial Regex ListingLink();

    [GeneratedRegex("href=\"([^\"]+)\" rel=\"next\" data-testid=\"next-page\"")]
    private static partial Regex NextPage();
}
