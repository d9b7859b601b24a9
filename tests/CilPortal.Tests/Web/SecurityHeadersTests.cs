using System.Net;
using System.Text.RegularExpressions;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Tests.Support;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CilPortal.Tests.Web;

public partial class SecurityHeadersTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    [Fact]
    public async Task Every_answer_has_a_strict_policy_with_a_fresh_nonce_and_the_baseline_headers()
    {
        var client = factory.CreateClient();

        var first = await client.GetAsync(new Uri("/", UriKind.Relative));
        var second = await client.GetAsync(new Uri("/", UriKind.Relative));
        var missing = await client.GetAsync(new Uri("/pas-de-page-ici", UriKind.Relative));

        var policies = new[] { first, second, missing }.Select(r => r.Headers.GetValues("Content-Security-Policy").Single()).ToList();
        var nonces = policies.Select(p => NoncePattern().Matches(p).Select(m => m.Groups[1].Value).Distinct().Single()).ToList();
        Assert.Equal(3, nonces.Distinct(StringComparer.Ordinal).Count());
        Assert.All(nonces, n => Assert.Equal(16, Convert.FromBase64String(n).Length));
        Assert.All(policies, policy =>
        {
            Assert.Contains("script-src 'self' 'nonce-", policy, StringComparison.Ordinal);
            Assert.Contains("style-src 'self' 'nonce-", policy, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
            Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        });
        Assert.Equal("nosniff", first.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", first.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", first.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", first.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("geolocation=()", first.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pages_have_no_inline_script_or_style_without_the_nonce()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(DemoAccounts.EpciAdministrator);
        foreach (var url in new[] { "/", "/compte/connexion", "/rendez-vous", "/gestion", "/gestion/epci/utilisateurs", "/erreur/429" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var html = await response.Content.ReadAsStringAsync();
            var nonce = NoncePattern().Match(response.Headers.GetValues("Content-Security-Policy").Single()).Groups[1].Value;
            foreach (Match tag in InlineTagPattern().Matches(html))
            {
                Assert.Contains($"nonce=\"{nonce}\"", tag.Value, StringComparison.Ordinal);
            }

            Assert.DoesNotMatch(" style=\"", html);
        }
    }

    [Fact]
    public async Task Hsts_lasts_a_year_with_sub_domains_outside_development()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://logement.exemple.fr") });

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal("max-age=31536000; includeSubDomains", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task A_signed_in_person_s_pages_are_not_cached()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(DemoAccounts.Applicant);

        var response = await client.GetAsync(new Uri("/ma-demande", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public void The_nonce_tag_helper_writes_the_request_s_nonce_on_an_inline_script_or_style()
    {
        var http = new DefaultHttpContext();
        foreach (var element in new[] { "script", "style" })
        {
            var helper = new CspNonceTagHelper { ViewContext = new ViewContext { HttpContext = http } };
            var attributes = new TagHelperAttributeList { new(CspNonceTagHelper.AttributeName) };
            var context = new TagHelperContext(attributes, new Dictionary<object, object>(), "id");
            var output = new TagHelperOutput(element, new TagHelperAttributeList(attributes), (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));

            helper.Process(context, output);

            Assert.Equal(http.GetCspNonce(), output.Attributes["nonce"].Value);
            Assert.False(output.Attributes.ContainsName(CspNonceTagHelper.AttributeName));
        }

        Assert.NotEqual(http.GetCspNonce(), new DefaultHttpContext().GetCspNonce());
    }

    [GeneratedRegex("'nonce-([A-Za-z0-9+/=]+)'")]
    private static partial Regex NoncePattern();

    [GeneratedRegex("<(script|style)(\\s[^>]*)?>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineTagPattern();
}
