using System.Net;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Tests.Support;

namespace CilPortal.Tests.Exchanges;

public class ExchangeSearchPageTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    [Fact]
    public async Task The_search_without_filters_shows_no_error_and_pages_through_the_listings()
    {
        var tenant = await ExchangeTestData.ClientAsync(factory, DemoAccounts.Tenant);

        var first = WebUtility.HtmlDecode(await tenant.GetStringAsync(new Uri("/echanges/annonces", UriKind.Relative)));
        var second = WebUtility.HtmlDecode(await tenant.GetStringAsync(new Uri("/echanges/annonces?page=2", UriKind.Relative)));

        // The page's own route value « page » once came back as a filter error (« La valeur … n'est pas valable »).
        Assert.DoesNotContain("n'ont pas été compris", first, StringComparison.Ordinal);
        Assert.Contains("Page 1 sur 2", first, StringComparison.Ordinal);
        Assert.Contains("Page 2 sur 2", second, StringComparison.Ordinal);

        // A listing that does not meet the tenant's wish has no score, rather than « compatible à 0 % ».
        Assert.DoesNotContain("Compatible avec vous à 0 %", first + second, StringComparison.Ordinal);
    }
}
