using System.Net;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Tests.Exchanges;
using CilPortal.Tests.Support;
using CilPortal.Web.Content;
using CilPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Web;

public sealed class CachedPublicPagesPortal : CilPortalWebFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["OutputCache:PublicPageSeconds"] = "60" };
}

/// <summary>The anonymous information pages come from the output cache (issue #11), with the policy they were rendered with.</summary>
public class PublicPageCacheTests(CachedPublicPagesPortal portal) : IClassFixture<CachedPublicPagesPortal>
{
    [Fact]
    public async Task An_anonymous_page_is_served_again_from_the_cache_with_its_own_content_security_policy()
    {
        var client = portal.CreateClient();
        var first = await client.GetAsync("/lieux-accueil");
        var firstHtml = await first.Content.ReadAsStringAsync();
        using (var scope = portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            var place = await db.ReceptionPoints.OrderBy(r => r.Id).FirstAsync();
            place.Name = "Accueil renommé pendant le cache";
            await db.SaveChangesAsync();
        }

        var second = await client.GetAsync("/lieux-accueil");
        var secondHtml = await second.Content.ReadAsStringAsync();
        var otherQuery = await (await client.GetAsync("/lieux-accueil?commune=")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.DoesNotContain("Accueil renommé pendant le cache", secondHtml, StringComparison.Ordinal);
        Assert.Equal(firstHtml, secondHtml);
        Assert.Equal(first.Headers.GetValues("Content-Security-Policy").Single(), second.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("Accueil renommé pendant le cache", otherQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exactly_the_listed_public_pages_come_from_the_cache()
    {
        var client = portal.CreateClient();
        int placeId;
        string slug;
        using (var scope = portal.Services.CreateScope())
        {
            placeId = await scope.ServiceProvider.GetRequiredService<CilPortalDbContext>().ReceptionPoints.MinAsync(r => r.Id);
            slug = scope.ServiceProvider.GetRequiredService<ContentStore>().All.First().Slug;
        }

        // Each page of the list with an address that it answers: a page added to the list without one here fails below.
        var cached = new Dictionary<string, string>
        {
            ["/Index"] = "/",
            ["/PlanDuSite"] = "/plan-du-site",
            ["/Informations/Index"] = "/informations",
            ["/Informations/Article"] = $"/informations/{slug}",
            ["/LieuxAccueil/Index"] = "/lieux-accueil",
            ["/LieuxAccueil/Detail"] = $"/lieux-accueil/{placeId}",
            ["/ChiffresCles/Index"] = "/chiffres-cles",
            ["/ChiffresCles/Commune"] = "/chiffres-cles/11262",
            ["/Echanges/Index"] = "/echanges",
        };
        string[] rendered = ["/simulateur", "/cotation", "/recherche?q=logement", "/contact", "/ma-demande/suivi"];

        // Three requests: a first response that sets a cookie (the antiforgery one of a form) is not stored, the second is.
        async Task<bool> FromCacheAsync(string url)
        {
            using var first = await client.GetAsync(url);
            using var second = await client.GetAsync(url);
            using var third = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, third.StatusCode);
            return third.Headers.Age is not null;
        }

        Assert.Equal(PublicPageCache.Pages.Order(StringComparer.Ordinal), cached.Keys.Order(StringComparer.Ordinal));
        foreach (var url in cached.Values)
        {
            Assert.True(await FromCacheAsync(url), $"{url} should come from the output cache the second time");
        }

        foreach (var url in rendered)
        {
            Assert.False(await FromCacheAsync(url), $"{url} should be rendered at every request");
        }
    }

    [Fact]
    public async Task A_signed_in_person_never_gets_the_cached_page()
    {
        var cached = await (await portal.CreateClient().GetAsync("/informations")).Content.ReadAsStringAsync();
        var applicant = await ExchangeTestData.ClientAsync(portal, DemoAccounts.Applicant);

        var page = await (await applicant.GetAsync("/informations")).Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"login-link\"", cached, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"logout-form\"", page, StringComparison.Ordinal);
    }
}
