using System.Net;
using CilPortal.Tests.Support;

namespace CilPortal.Tests.Web;

public class SearchPagesTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Finds_information_pages_without_accents_best_first()
    {
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/recherche?q=renouveler", UriKind.Relative)));

        var first = html.IndexOf("class=\"result-item__title\"", StringComparison.Ordinal);
        Assert.True(first > 0);
        Assert.Contains("/informations/renouveler-sa-demande", html[first..(first + 200)], StringComparison.Ordinal);
        Assert.Contains("/informations/publics-prioritaires-et-dalo", await client.GetStringAsync(new Uri("/recherche?q=PRIORITAIRES%20dalo", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typing_without_accents_finds_accented_words()
    {
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/recherche?q=delai%20reponse", UriKind.Relative)));

        Assert.Contains("/informations/comment-se-passe-une-attribution", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finds_registration_desks_by_what_people_type()
    {
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/recherche?q=guichet%20enregistreur%20coursan", UriKind.Relative)));

        var first = html.IndexOf("class=\"result-item__title\"", StringComparison.Ordinal);
        Assert.Contains("Coursan", html[first..(first + 300)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finds_reception_points_by_commune()
    {
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/recherche?q=coursan", UriKind.Relative)));

        Assert.Contains("Accueil logement de la mairie — Coursan", html, StringComparison.Ordinal);
        Assert.Contains("Lieu d'accueil", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_with_nothing_found_says_so_and_an_overlong_query_is_cut_not_refused()
    {
        var none = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/recherche?q=zzzzqqq", UriKind.Relative)));
        var response = await client.GetAsync(new Uri("/recherche?q=" + new string('a', 5000), UriKind.Relative));

        Assert.Contains("Aucun résultat.", none, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
