using System.Net;
using CilPortal.Domain.Exchanges;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Infrastructure.Statistics;
using CilPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Tests.Exchanges;

/// <summary>« Pour vous » on another tenant's listing: the viewer's own wish against that dwelling, with its reasons.</summary>
public class ListingForMeTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    [Fact]
    public async Task Another_tenant_s_listing_says_how_it_fits_the_viewer_s_own_wish_and_one_s_own_listing_does_not()
    {
        var listings = await ExchangeTestData.DemoListingsAsync(factory);
        var (mine, theirs) = (listings[0], listings[1]);
        var rows = await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeListings.AsNoTracking().Include(l => l.Member).ThenInclude(m => m!.Residence)
            .Where(l => l.Id == mine || l.Id == theirs).ToListAsync());
        var wish = rows.Single(l => l.Id == mine).Wish;
        var other = rows.Single(l => l.Id == theirs);
        var communes = await ExchangeTestData.WithServiceAsync<CommuneNames, IReadOnlyDictionary<string, string>>(factory, c => c.AllAsync(CancellationToken.None));
        var expected = ExchangeCriteria.Explain(
            wish, other.ToCandidate(other.Member!.BailleurId, other.Member.Residence!.CommuneInseeCode, other.Member.Residence.IsInQpv).Offered, other.Member.Pseudonym, code => communes.GetValueOrDefault(code, code));

        var client = await ExchangeTestData.ClientAsync(factory, DemoAccounts.Tenant);
        var page = await client.GetAsync(new Uri($"/echanges/annonces/{theirs}", UriKind.Relative));
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"fit-for-me\"", html, StringComparison.Ordinal);
        Assert.Contains(expected.IsAccepted ? $"Pour vous : compatible à {expected.Score} %" : "Pour vous</h2>", html, StringComparison.Ordinal);
        Assert.NotEmpty(expected.Reasons);
        Assert.All(expected.Reasons, reason => Assert.Contains((reason.IsMet ? "Critère rempli : " : "Critère non rempli : ") + "</span>" + reason.Text, html, StringComparison.Ordinal));

        var own = WebUtility.HtmlDecode(await (await client.GetAsync(new Uri($"/echanges/annonces/{mine}", UriKind.Relative))).Content.ReadAsStringAsync());
        Assert.DoesNotContain("data-testid=\"fit-for-me\"", own, StringComparison.Ordinal);
    }
}
