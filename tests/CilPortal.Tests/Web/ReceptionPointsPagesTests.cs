using System.Net;
using CilPortal.Tests.Support;

namespace CilPortal.Tests.Web;

/// <summary>The portal on Monday 30 November 2026 at 12:15 in Narbonne (11:15 UTC).</summary>
public sealed class MondayNoonPortal : CilPortalWebFactory
{
    protected override TimeProvider? Clock => new FixedClock(new DateTimeOffset(2026, 11, 30, 12, 15, 0, TimeSpan.FromHours(1)));
}

public class ReceptionPointsPagesTests(MondayNoonPortal factory) : IClassFixture<MondayNoonPortal>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Filters_by_commune_and_by_service()
    {
        var coursan = await client.GetStringAsync(new Uri("/lieux-accueil?commune=11106", UriKind.Relative));
        var registration = await client.GetStringAsync(new Uri("/lieux-accueil?service=enregistrement", UriKind.Relative));
        var nothing = await client.GetStringAsync(new Uri("/lieux-accueil?commune=11999", UriKind.Relative));

        Assert.Equal(1, Places(coursan));
        Assert.Equal(3, Places(registration));
        Assert.Equal(0, Places(nothing));
        Assert.Contains("Aucun lieu d'accueil ne correspond à ces critères.", WebUtility.HtmlDecode(nothing), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_now_is_computed_in_paris_time()
    {
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/lieux-accueil?commune=11262", UriKind.Relative)));

        // 12:15 in Narbonne: the Maison de l'habitat closed at noon (at 11:15 UTC it would still be open).
        Assert.DoesNotContain("Ouvert maintenant", html, StringComparison.Ordinal);
        Assert.Contains("Fermé en ce moment", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_detail_page_gives_timetable_services_accessibility_contact_and_map()
    {
        var list = await client.GetStringAsync(new Uri("/lieux-accueil?commune=11106", UriKind.Relative));
        var link = System.Text.RegularExpressions.Regex.Match(list, "href=\"(/lieux-accueil/[0-9]+)\"").Groups[1].Value;

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(link, UriKind.Relative)));

        Assert.Contains("<th scope=\"row\">Lundi</th><td>9 h à 12 h</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Mardi</th><td>Fermé</td>", html, StringComparison.Ordinal);
        Assert.Contains("Enregistrement des demandes", html, StringComparison.Ordinal);
        Assert.Contains("n'est pas adapté aux fauteuils roulants", html, StringComparison.Ordinal);
        Assert.Contains("https://www.openstreetmap.org/?mlat=43.2339&mlon=3.0575", html, StringComparison.Ordinal);
        Assert.Contains("Fermetures exceptionnelles", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_place_is_a_404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/lieux-accueil/999999", UriKind.Relative))).StatusCode);

    private static int Places(string html) => html.Split("class=\"place\"").Length - 1;
}
