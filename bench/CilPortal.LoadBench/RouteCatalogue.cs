using System.Net;
using System.Text.RegularExpressions;

namespace CilPortal.LoadBench;

/// <summary>What a route is held to: the issue's targets, as a share of the static file's req/s and a p99 in ms.</summary>
public enum RouteKind
{
    /// <summary>The baseline: a static file served by the same process.</summary>
    StaticBaseline,

    /// <summary>Anonymous pages: ≥ 0.5 × baseline, p99 ≤ 20 ms.</summary>
    Anonymous,

    /// <summary>Database-backed personal pages: ≥ 0.2 × baseline, p99 ≤ 50 ms.</summary>
    Personal,

    /// <summary>The CIA dashboard: p99 ≤ 200 ms.</summary>
    Dashboard,
}

/// <summary>One route driven by wrk: a GET, or a form POST with its antiforgery cookie and token; signed in or not.</summary>
/// <param name="Account">
/// The account signed in just before the route's run, as a browser's session cookie is: Identity checks the session
/// against the account again once its cookie is a minute old and sends a fresh one, which a browser keeps and wrk
/// cannot, so a cookie signed in at the start would make every request of the later routes pay that check.
/// </param>
public sealed partial record BenchRoute(string Name, RouteKind Kind, string Method, string Path, string? Body, string? Cookie, string Expect, string? Account = null)
{
    /// <summary>The route with a session signed in now, when it needs one.</summary>
    public async Task<BenchRoute> SignedInAsync(Uri baseAddress, string password) =>
        Account is null ? this : this with { Cookie = (await Browser.SignInAsync(baseAddress, Account, password)).CookieHeader };

    public double? TargetRatio => Kind switch
    {
        RouteKind.Anonymous => 0.5,
        RouteKind.Personal => 0.2,
        _ => null,
    };

    public double? TargetP99Ms => Kind switch
    {
        RouteKind.Anonymous => 20,
        RouteKind.Personal => 50,
        RouteKind.Dashboard => 200,
        _ => null,
    };

    /// <summary>One request before the run: the route must answer 200 with the text expected, or the benchmark stops.</summary>
    public async Task VerifyAsync(Uri baseAddress)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress };
        using var request = new HttpRequestMessage(new HttpMethod(Method), new Uri(Path.TrimStart('/'), UriKind.Relative));
        if (Cookie is not null)
        {
            request.Headers.Add("Cookie", Cookie);
        }

        if (Body is not null)
        {
            request.Content = new StringContent(Body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || !text.Contains(Expect, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{Name} ({Method} {Path}) : réponse {(int)response.StatusCode}, « {Expect} » {(text.Contains(Expect, StringComparison.Ordinal) ? "présent" : "absent")}.");
        }
    }
}

/// <summary>The routes of issue #11, with the sessions and form tokens they need.</summary>
public static partial class RouteCatalogue
{
    public const string Applicant = "demandeur@demo.cilportal.test";
    public const string Tenant = "locataire@demo.cilportal.test";
    public const string Administrator = "admin@demo.cilportal.test";
    public const string ReceptionDesk = "accueil@demo.cilportal.test";
    public const string BailleurAgent = "bailleur1@demo.cilportal.test";

    public static async Task<List<BenchRoute>> PrepareAsync(Uri baseAddress, BenchOptions options)
    {
        var applicant = await Browser.SignInAsync(baseAddress, Applicant, options.Password);
        var maDemande = await applicant.GetAsync("ma-demande");
        var nur = NurPattern().Match(maDemande).Groups[1].Value;
        var lookup = new Browser(baseAddress);
        var lookupToken = Browser.Token(await lookup.GetAsync("ma-demande/suivi"));
        var simulator = new Browser(baseAddress);
        var simulatorToken = Browser.Token(await simulator.GetAsync("simulateur"));
        var year = DateTime.UtcNow.Year;
        return
        [
            new("Fichier statique (référence)", RouteKind.StaticBaseline, "GET", "/css/site.css", null, null, "{"),
            new("Accueil", RouteKind.Anonymous, "GET", "/", null, null, "<h1"),
            new("Page d'information", RouteKind.Anonymous, "GET", "/informations/comment-se-passe-une-attribution", null, null, "<h1"),
            new("Lieux d'accueil", RouteKind.Anonymous, "GET", "/lieux-accueil", null, null, "<h1"),
            new("Chiffres clés d'une commune", RouteKind.Anonymous, "GET", "/chiffres-cles/11262", null, null, "<h1"),
            new("Simulateur (résultat)", RouteKind.Anonymous, "POST", "/simulateur",
                Browser.Form(("Input.Adults", "2"), ("Input.ChildrenAges", "4, 9"), ("Input.FirstAdultAge", "36"), ("Input.SecondAdultAge", "34"),
                    ("Input.ReferenceIncome", "23500"), ("Input.CommuneInseeCode", "11262"), ("__RequestVerificationToken", simulatorToken)),
                simulator.CookieHeader, "data-testid=\"simulation-result\""),
            new("Suivi sans compte (POST)", RouteKind.Personal, "POST", "/ma-demande/suivi",
                Browser.Form(("Input.Nur", nur), ("Input.Code", "DEMA-NDE2-26"), ("__RequestVerificationToken", lookupToken)),
                lookup.CookieHeader, nur),
            new("Ma demande (connecté)", RouteKind.Personal, "GET", "/ma-demande", null, null, nur, Applicant),
            new("Recherche d'échanges", RouteKind.Personal, "GET", "/echanges/annonces", null, null, "<h1", Tenant),
            new("Compatibles avec moi", RouteKind.Personal, "GET", "/echanges/compatibles", null, null, "<h1", Tenant),
            new($"Tableau de bord CIA {year}", RouteKind.Dashboard, "GET", $"/gestion/epci/cia?annee={year}", null, null, "<h1", Administrator),
        ];
    }

    [GeneratedRegex("class=\"nur\">([0-9A-Z]{18})<")]
    private static partial Regex NurPattern();
}
