using System.Net;
using System.Text.RegularExpressions;
using CilPortal.Domain.Exchanges;
using CilPortal.Domain.Stock;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Exchanges;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
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

    [Fact]
    public async Task When_the_wish_accepts_more_dwellings_than_the_matching_keeps_the_page_counts_them_all_and_points_to_the_search()
    {
        // Everyone else accepts any dwelling up to a rent no one reaches (a better score than the tenant's open wish): the
        // tenant is among no dwelling's hundred best-suited households, and keeps only its own hundred best dwellings.
        using var own = new CilPortalWebFactory();
        var kept = await OpenTheTenantsWishAmongManyListingsAsync(own, others => others
            .SetProperty(l => l.WantedCommunes, "")
            .SetProperty(l => l.WantedTypologies, TypologySet.None)
            .SetProperty(l => l.MaxRentWithCharges, 1_000_000m)
            .SetProperty(l => l.MinSurface, (decimal?)null)
            .SetProperty(l => l.MaxFloorWithoutLift, (int?)null)
            .SetProperty(l => l.RequiredAccessibility, Accessibility.None)
            .SetProperty(l => l.MustHaves, ExchangeFeatures.None));
        var accepted = await ExchangeTestData.WithServiceAsync<ExchangeMatching, int>(own, async matching =>
            (await matching.GraphAsync()).AcceptedCount((await ExchangeTestData.DemoListingsAsync(own))[0]));
        Assert.Equal(CompatibilityGraph.MaxEdgesPerListing, kept.Count);
        Assert.True(accepted > kept.Count + 100, $"The tenant accepts {accepted} dwellings.");
        var tenant = await ExchangeTestData.ClientAsync(own, DemoAccounts.Tenant);

        var html = WebUtility.HtmlDecode(await tenant.GetStringAsync(new Uri("/echanges/compatibles?page=5", UriKind.Relative)));

        Assert.Contains($"Logements qui vous conviennent ({accepted})", html, StringComparison.Ordinal);
        Assert.Contains($"Voici les {kept.Count} qui vous correspondent le mieux. Les autres sont dans les annonces", StripTags(html), StringComparison.Ordinal);
        Assert.Contains($"Logements 81 à 100 sur {kept.Count}", html, StringComparison.Ordinal);
        Assert.Equal(kept.TakeLast(ExchangeMatching.SuitablePerPage), ListingLinks(html));
    }

    [Fact]
    public async Task A_tenant_whose_every_accepted_dwelling_is_kept_sees_no_pointer_to_the_search()
    {
        var expected = await OpenTheTenantsWishAmongManyListingsAsync();
        var accepted = await ExchangeTestData.WithServiceAsync<ExchangeMatching, int>(factory, async matching =>
            (await matching.GraphAsync()).AcceptedCount((await ExchangeTestData.DemoListingsAsync(factory))[0]));
        Assert.Equal(expected.Count, accepted);
        var tenant = await ExchangeTestData.ClientAsync(factory, DemoAccounts.Tenant);

        var html = await tenant.GetStringAsync(new Uri("/echanges/compatibles", UriKind.Relative));

        Assert.DoesNotContain("data-testid=\"suitable-best\"", html, StringComparison.Ordinal);
    }

    private Task<List<int>> OpenTheTenantsWishAmongManyListingsAsync() => OpenTheTenantsWishAmongManyListingsAsync(factory, null);

    /// <summary>
    /// Publishes three hundred more listings, opens the demo tenant's wish to any dwelling (and sets the others' wishes
    /// when asked), and gives the dwellings the matching keeps for the tenant in the engine's order (best score first,
    /// then listing id).
    /// </summary>
    private static async Task<List<int>> OpenTheTenantsWishAmongManyListingsAsync(
        CilPortalWebFactory factory,
        Func<UpdateSettersBuilder<ExchangeListing>, UpdateSettersBuilder<ExchangeListing>>? setOthersWishes)
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
        if (setOthersWishes is not null)
        {
            await db.ExchangeListings.Where(l => l.Id != mine).ExecuteUpdateAsync(s => setOthersWishes(s));
        }

        scope.ServiceProvider.GetRequiredService<ExchangeGraphCache>().Invalidate();

        var graph = await scope.ServiceProvider.GetRequiredService<ExchangeMatching>().GraphAsync();
        return [.. graph.AcceptedBy(mine).Select(m => m.ListingId)];
    }

    private static string StripTags(string html) => Tags().Replace(html, "");

    private static List<int> ListingLinks(string html) =>
        [.. ListingLink().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex("<h3 class=\"card__title\"><a href=\"/echanges/annonces/([0-9]+)\">")]
    private static partial Regex ListingLink();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("href=\"([^\"]+)\" rel=\"next\" data-testid=\"next-page\"")]
    private static partial Regex NextPage();
}
