using System.Net;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Web;

public class AuthorizationTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    /// <summary>The only pages anyone may open without signing in. Adding one here is a decision, not a side effect.</summary>
    private static readonly HashSet<string> PublicPages =
    [
        "/Index", "/Erreur", "/PlanDuSite",
        "/Informations/Index", "/Informations/Article",
        "/LieuxAccueil/Index", "/LieuxAccueil/Detail",
        "/ChiffresCles/Index", "/ChiffresCles/Commune",
        "/Simulateur/Index", "/Cotation/Index", "/Desabonnement/Index", "/RendezVous/Index", "/RendezVous/Annuler", "/Recherche/Index", "/Contact/Index", "/MaDemande/Suivi",
        "/Echanges/Index",
        "/Compte/Connexion", "/Compte/Deconnexion", "/Compte/AccesRefuse", "/Compte/Inscription", "/Compte/Confirmation",
        "/Compte/ConnexionCode", "/Compte/MotDePasse",
    ];

    [Fact]
    public async Task Every_page_is_denied_to_anonymous_visitors_unless_it_is_declared_public()
    {
        var pages = PageEndpoints().ToList();
        Assert.NotEmpty(pages);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        foreach (var (viewEnginePath, route, allowsAnonymous) in pages)
        {
            Assert.True(allowsAnonymous == PublicPages.Contains(viewEnginePath), $"{viewEnginePath}: public = {allowsAnonymous}, expected {PublicPages.Contains(viewEnginePath)}.");
            if (allowsAnonymous || route.Contains('{', StringComparison.Ordinal))
            {
                continue;
            }

            var response = await client.GetAsync(new Uri(route, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{route} answered {response.StatusCode} to an anonymous visitor.");
            Assert.StartsWith("/compte/connexion", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(DemoAccounts.Applicant, "/gestion", false)]
    [InlineData(DemoAccounts.Tenant, "/gestion", false)]
    [InlineData(DemoAccounts.Tenant, "/ma-demande", false)]
    [InlineData(DemoAccounts.Tenant, "/ma-demande/rattacher", false)]
    [InlineData(DemoAccounts.Applicant, "/ma-demande/rattacher", true)]
    [InlineData(DemoAccounts.ReceptionAgent, "/gestion/accueil", true)]
    [InlineData(DemoAccounts.ReceptionAgent, "/gestion/bailleur", false)]
    [InlineData(DemoAccounts.ReceptionAgent, "/gestion/epci", false)]
    [InlineData(DemoAccounts.BailleurAgent1, "/gestion/bailleur", true)]
    [InlineData(DemoAccounts.BailleurAgent1, "/gestion/accueil", false)]
    [InlineData(DemoAccounts.BailleurAgent1, "/gestion/epci", false)]
    [InlineData(DemoAccounts.BailleurAgent1, "/ma-demande", false)]
    [InlineData(DemoAccounts.EpciAdministrator, "/gestion/epci", true)]
    [InlineData(DemoAccounts.EpciAdministrator, "/gestion/accueil", true)]
    [InlineData(DemoAccounts.EpciAdministrator, "/gestion/bailleur", false)]
    [InlineData(DemoAccounts.EpciAdministrator, "/gestion/epci/lieux-accueil", true)]
    [InlineData(DemoAccounts.EpciAdministrator, "/gestion/epci/plafonds", true)]
    [InlineData(DemoAccounts.ReceptionAgent, "/gestion/epci/lieux-accueil", false)]
    [InlineData(DemoAccounts.BailleurAgent2, "/gestion/epci/import-sne", false)]
    [InlineData(DemoAccounts.EpciAdministrator, "/gestion/epci/import-sne", true)]
    [InlineData(DemoAccounts.BailleurAgent1, "/gestion/epci/plafonds/modifier", false)]
    [InlineData(DemoAccounts.EpciAdministrator, "/gestion/epci/cia/annees", true)]
    [InlineData(DemoAccounts.EpciAdministrator, "/gestion/epci/utilisateurs", true)]
    [InlineData(DemoAccounts.EpciAdministrator, "/gestion/epci/utilisateurs/nouveau", true)]
    [InlineData(DemoAccounts.EpciAdministrator, "/gestion/epci/journal", true)]
    [InlineData(DemoAccounts.ReceptionAgent, "/gestion/epci/utilisateurs", false)]
    [InlineData(DemoAccounts.BailleurAgent1, "/gestion/epci/utilisateurs/nouveau", false)]
    [InlineData(DemoAccounts.ReceptionAgent, "/gestion/epci/journal", false)]
    [InlineData(DemoAccounts.Applicant, "/gestion/epci/journal", false)]
    [InlineData(DemoAccounts.BailleurAgent1, "/gestion/epci/cia/annees", false)]
    [InlineData(DemoAccounts.ReceptionAgent, "/gestion/epci/cia/annees", false)]
    [InlineData(DemoAccounts.BailleurAgent2, "/gestion/bailleur/patrimoine/import", true)]
    [InlineData(DemoAccounts.BailleurAgent2, "/gestion/bailleur/attributions/nouvelle", true)]
    [InlineData(DemoAccounts.BailleurAgent2, "/gestion/bailleur/attributions/import", true)]
    [InlineData(DemoAccounts.ReceptionAgent, "/gestion/bailleur/patrimoine/import", false)]
    [InlineData(DemoAccounts.ReceptionAgent, "/gestion/bailleur/attributions/nouvelle", false)]
    [InlineData(DemoAccounts.EpciAdministrator, "/gestion/bailleur/attributions/import", false)]
    [InlineData(DemoAccounts.Applicant, "/gestion/bailleur/objectifs", false)]
    [InlineData(DemoAccounts.Tenant, "/gestion/bailleur/attributions/export", false)]
    [InlineData(DemoAccounts.EpciAdministrator, "/gestion/epci/cia", true)]
    [InlineData(DemoAccounts.EpciAdministrator, "/gestion/epci/cia/attributions", true)]
    [InlineData(DemoAccounts.EpciAdministrator, "/gestion/epci/cia/bilan", true)]
    [InlineData(DemoAccounts.EpciAdministrator, "/gestion/epci/cia/simulation", true)]
    [InlineData(DemoAccounts.EpciAdministrator, "/gestion/epci/cia/objectifs", true)]
    [InlineData(DemoAccounts.EpciAdministrator, "/gestion/epci/secteurs", true)]
    [InlineData(DemoAccounts.BailleurAgent2, "/gestion/epci/cia/simulation", false)]
    [InlineData(DemoAccounts.ReceptionAgent, "/gestion/epci/secteurs", false)]
    [InlineData(DemoAccounts.ReceptionAgent, "/gestion/accueil/nouvelle-demande", true)]
    [InlineData(DemoAccounts.EpciAdministrator, "/gestion/accueil/nouvelle-demande", true)]
    [InlineData(DemoAccounts.BailleurAgent1, "/gestion/accueil/nouvelle-demande", false)]
    [InlineData(DemoAccounts.Applicant, "/gestion/accueil/nouvelle-demande", false)]
    [InlineData(DemoAccounts.EpciAdministrator, "/gestion/epci/commission", true)]
    [InlineData(DemoAccounts.ReceptionAgent, "/gestion/epci/commission", true)]
    [InlineData(DemoAccounts.BailleurAgent2, "/gestion/epci/commission", true)]
    [InlineData(DemoAccounts.Applicant, "/gestion/epci/commission", false)]
    [InlineData(DemoAccounts.Tenant, "/gestion/epci/commission", false)]
    [InlineData(DemoAccounts.EpciAdministrator, "/gestion/epci/commission/nouveau", true)]
    [InlineData(DemoAccounts.ReceptionAgent, "/gestion/epci/commission/nouveau", false)]
    [InlineData(DemoAccounts.BailleurAgent1, "/gestion/epci/commission/nouveau", false)]
    [InlineData(DemoAccounts.EpciAdministrator, "/gestion/epci/commission/seances", true)]
    [InlineData(DemoAccounts.EpciAdministrator, "/gestion/epci/commission/seances/nouvelle", true)]
    [InlineData(DemoAccounts.ReceptionAgent, "/gestion/epci/commission/seances", false)]
    [InlineData(DemoAccounts.BailleurAgent1, "/gestion/epci/commission/seances/nouvelle", false)]
    [InlineData(DemoAccounts.EpciAdministrator, "/gestion/epci/qpv/import", true)]
    [InlineData(DemoAccounts.EpciAdministrator, "/gestion/epci/bailleurs", true)]
    [InlineData(DemoAccounts.EpciAdministrator, "/gestion/epci/reservataires", true)]
    [InlineData(DemoAccounts.BailleurAgent1, "/gestion/epci/qpv/import", false)]
    [InlineData(DemoAccounts.BailleurAgent1, "/gestion/epci/bailleurs", false)]
    [InlineData(DemoAccounts.BailleurAgent2, "/gestion/epci/reservataires", false)]
    [InlineData(DemoAccounts.ReceptionAgent, "/gestion/epci/qpv/import", false)]
    [InlineData(DemoAccounts.ReceptionAgent, "/gestion/epci/bailleurs", false)]
    [InlineData(DemoAccounts.ReceptionAgent, "/gestion/epci/reservataires", false)]
    public async Task Each_role_reaches_its_own_space_only(string account, string url, bool allowed)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(account);

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/compte/acces-refuse", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_bailleur_agent_sees_the_residences_of_their_own_bailleur_and_none_of_another()
    {
        int agentBailleurId;
        List<(int BailleurId, string Name)> residences;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            agentBailleurId = (await db.Users.SingleAsync(u => u.Email == DemoAccounts.BailleurAgent1)).BailleurId!.Value;
            residences = [.. (await db.Residences.Select(r => new { r.BailleurId, r.Name }).ToListAsync()).Select(r => (r.BailleurId, r.Name))];
        }

        var own = residences.Where(r => r.BailleurId == agentBailleurId).ToList();
        var others = residences.Where(r => r.BailleurId != agentBailleurId).ToList();
        var client = factory.CreateClient();
        await client.SignInAsync(DemoAccounts.BailleurAgent1);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/gestion/bailleur/patrimoine", UriKind.Relative)));

        Assert.NotEmpty(own);
        Assert.NotEmpty(others);
        Assert.All(own, r => Assert.Contains($">{r.Name}</a></td>", html, StringComparison.Ordinal));
        Assert.All(others, r => Assert.DoesNotContain($">{r.Name}</a></td>", html, StringComparison.Ordinal));
    }

    private IEnumerable<(string ViewEnginePath, string Route, bool AllowsAnonymous)> PageEndpoints()
    {
        _ = factory.Server;
        var sources = factory.Services.GetServices<EndpointDataSource>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor)
            {
                continue;
            }

            yield return (descriptor.ViewEnginePath, "/" + endpoint.RoutePattern.RawText!.TrimStart('/'), endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null);
        }
    }
}
