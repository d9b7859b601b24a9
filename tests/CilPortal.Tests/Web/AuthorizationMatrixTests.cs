using System.Globalization;
using System.Net;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Tests.Support;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Web;

/// <summary>The people the matrix checks every page against: one signed-in client each, plus nobody.</summary>
[Flags]
public enum Who
{
    Nobody = 0,
    Anonymous = 1,
    Applicant = 2,
    Tenant = 4,
    Reception = 8,

    /// <summary>An agent of the bailleur whose records the sample addresses name.</summary>
    BailleurA = 16,

    /// <summary>An agent of another bailleur, sent to the same addresses: A's records must not exist for them.</summary>
    BailleurB = 32,
    Admin = 64,

    SignedIn = Applicant | Tenant | Reception | BailleurA | BailleurB | Admin,
    Everyone = Anonymous | SignedIn,
    Bailleurs = BailleurA | BailleurB,
    Staff = Reception | Bailleurs | Admin,
}

/// <summary>
/// Every Razor page and every one of its handlers, found at run time in the test host, checked against every role:
/// anonymous, applicant, tenant, reception agent, the agent of bailleur A, the agent of bailleur B on A's records, and
/// the EPCI administrator. The expectations are the table <see cref="Matrix"/>, one line per page; a page without a
/// line fails the test, by name.
/// <para>
/// Allowed: 200, or a redirect inside the portal that is not the sign-in or access-denied page. Denied: a redirect to
/// the sign-in or access-denied page, 403 or 404. GETs are sent for every role; POSTs (each handler, with the client's
/// valid antiforgery token, so that only authorization can refuse them) are sent only for the roles that must be
/// denied, so that the test changes nothing it may change. A 500 fails everywhere.
/// </para>
/// </summary>
public class AuthorizationMatrixTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    /// <summary>Sample values for the addresses' parameters, read from the seeded demo database.</summary>
    public sealed record Samples(
        string ApplicantNur,
        int ResidenceOfA,
        int DwellingOfA,
        int ExaminationOfA,
        int AllocationOfA,
        int CaseWithReceptionInvited,
        int GridId,
        int ReceptionPointId,
        int CeilingScaleId,
        int ExchangeMemberOfA,
        int ExchangeListingOfA,
        int ListingOfAnotherTenant);

    /// <summary>One page: where to send the requests, who may open it, and who may post to each handler when that differs.</summary>
    /// <param name="Answers">For the few pages whose normal answer is not 200: the status they give those allowed.</param>
    public sealed record Rule(Func<Samples, string> Url, Who Allowed, IReadOnlyDictionary<string, Who>? Handlers = null, Func<Samples, Dictionary<string, string>>? PostFields = null, int Answers = 200)
    {
        public Who AllowedFor(string handler) => Handlers is not null && Handlers.TryGetValue(handler, out var who) ? who : Allowed;
    }

    /// <summary>
    /// Route (the page's path under Pages/) → who may open it. Read it as the portal's access policy.
    /// Handlers named here are allowed to fewer people than the page.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Rule> Matrix = new Dictionary<string, Rule>(StringComparer.Ordinal)
    {
        // Public pages.
        ["/Index"] = new(_ => "/", Who.Everyone),
        ["/Erreur"] = new(_ => "/erreur/410", Who.Everyone, Answers: 410),
        ["/PlanDuSite"] = new(_ => "/plan-du-site", Who.Everyone),
        ["/Informations/Index"] = new(_ => "/informations", Who.Everyone),
        ["/Informations/Article"] = new(_ => "/informations/faq", Who.Everyone),
        ["/LieuxAccueil/Index"] = new(_ => "/lieux-accueil", Who.Everyone),
        ["/LieuxAccueil/Detail"] = new(s => $"/lieux-accueil/{s.ReceptionPointId}", Who.Everyone),
        ["/ChiffresCles/Index"] = new(_ => "/chiffres-cles", Who.Everyone),
        ["/ChiffresCles/Commune"] = new(_ => "/chiffres-cles/11262", Who.Everyone),
        ["/Simulateur/Index"] = new(_ => "/simulateur", Who.Everyone),
        ["/Cotation/Index"] = new(_ => "/cotation", Who.Everyone),
        ["/Desabonnement/Index"] = new(_ => "/desabonnement/jeton-inconnu", Who.Everyone),
        ["/RendezVous/Index"] = new(_ => "/rendez-vous", Who.Everyone),
        ["/RendezVous/Annuler"] = new(_ => "/rendez-vous/annuler/jeton-inconnu", Who.Everyone),
        ["/Recherche/Index"] = new(_ => "/recherche?q=logement", Who.Everyone),
        ["/Contact/Index"] = new(_ => "/contact", Who.Everyone),
        ["/MaDemande/Suivi"] = new(_ => "/ma-demande/suivi", Who.Everyone),
        ["/Compte/Connexion"] = new(_ => "/compte/connexion", Who.Everyone),
        ["/Compte/Deconnexion"] = new(_ => "/compte/deconnexion", Who.Everyone),
        ["/Compte/AccesRefuse"] = new(_ => "/compte/acces-refuse", Who.Everyone, Answers: 403),
        ["/Compte/Inscription"] = new(_ => "/compte/inscription", Who.Everyone),
        ["/Compte/Confirmation"] = new(_ => "/compte/confirmation", Who.Everyone),
        ["/Compte/MotDePasse"] = new(_ => "/compte/mot-de-passe", Who.Everyone),

        // The second step of the sign-in: public, but without a password step just before it sends everyone back to the
        // first step (302 to /compte/connexion, which this matrix reads as a refusal).
        ["/Compte/ConnexionCode"] = new(_ => "/compte/connexion-code", Who.Nobody),

        // Any signed-in account.
        ["/Securite/Reauthentification"] = new(_ => "/compte/reauthentification", Who.SignedIn),
        ["/Securite/DoubleAuthentification"] = new(_ => "/compte/double-authentification", Who.SignedIn),

        // Applicants (a tenant account has no demand).
        ["/MaDemande/Index"] = new(_ => "/ma-demande", Who.Applicant),
        ["/MaDemande/Rattacher"] = new(_ => "/ma-demande/rattacher", Who.Applicant),
        ["/MaDemande/Coordonnees"] = new(_ => "/ma-demande/coordonnees", Who.Applicant),

        // All staff.
        ["/Gestion/Index"] = new(_ => "/gestion", Who.Staff),
        ["/Gestion/Cotation/Index"] = new(_ => "/gestion/cotation", Who.Staff),

        // A demand's score and situations: reception desks and the EPCI only.
        ["/Gestion/Cotation/Demande"] = new(s => $"/gestion/cotation/demande/{s.ApplicantNur}", Who.Reception | Who.Admin),

        // Reception desks (and the EPCI).
        ["/Gestion/Accueil/Index"] = new(_ => "/gestion/accueil", Who.Reception | Who.Admin),
        ["/Gestion/Accueil/Recherche"] = new(_ => "/gestion/accueil/recherche", Who.Reception | Who.Admin),
        ["/Gestion/Accueil/Agenda"] = new(_ => "/gestion/accueil/agenda", Who.Reception | Who.Admin),
        ["/Gestion/Accueil/Horaires"] = new(_ => "/gestion/accueil/horaires", Who.Reception | Who.Admin),
        ["/Gestion/Accueil/NouvelleDemande"] = new(_ => "/gestion/accueil/nouvelle-demande", Who.Reception | Who.Admin),
        ["/Gestion/Accueil/Demandes/Index"] = new(s => $"/gestion/accueil/demandes/{s.ApplicantNur}", Who.Reception | Who.Admin),
        ["/Gestion/Accueil/Demandes/Entretien"] = new(s => $"/gestion/accueil/demandes/{s.ApplicantNur}/entretien", Who.Reception | Who.Admin),
        ["/Gestion/Accueil/Demandes/Fiche"] = new(s => $"/gestion/accueil/demandes/{s.ApplicantNur}/fiche", Who.Reception | Who.Admin),
        ["/Gestion/Accueil/Demandes/Pieces"] = new(s => $"/gestion/accueil/demandes/{s.ApplicantNur}/pieces", Who.Reception | Who.Admin),

        // Bailleur agents, each on their own bailleur.
        ["/Gestion/Bailleur/Index"] = new(_ => "/gestion/bailleur", Who.Bailleurs),
        ["/Gestion/Bailleur/Objectifs"] = new(_ => "/gestion/bailleur/objectifs", Who.Bailleurs),
        ["/Gestion/Bailleur/Patrimoine/Index"] = new(_ => "/gestion/bailleur/patrimoine", Who.Bailleurs),
        ["/Gestion/Bailleur/Patrimoine/Import"] = new(_ => "/gestion/bailleur/patrimoine/import", Who.Bailleurs),
        ["/Gestion/Bailleur/Attributions/Index"] = new(_ => "/gestion/bailleur/attributions", Who.Bailleurs),
        ["/Gestion/Bailleur/Attributions/Nouvelle"] = new(_ => "/gestion/bailleur/attributions/nouvelle", Who.Bailleurs),
        ["/Gestion/Bailleur/Attributions/Import"] = new(_ => "/gestion/bailleur/attributions/import", Who.Bailleurs),
        ["/Gestion/Bailleur/Attributions/Export"] = new(_ => "/gestion/bailleur/attributions/export", Who.Bailleurs),

        // A's records: B must get 404 on GET and on every POST, with real ids in the form.
        ["/Gestion/Bailleur/Patrimoine/Residence"] = new(s => $"/gestion/bailleur/patrimoine/residences/{s.ResidenceOfA}", Who.BailleurA,
            PostFields: s => new() { ["dwellingId"] = Invariant(s.DwellingOfA), ["vacant"] = "true" }),
        ["/Gestion/Bailleur/Attributions/Examen"] = new(s => $"/gestion/bailleur/attributions/{s.ExaminationOfA}", Who.BailleurA,
            PostFields: s => new() { ["allocationId"] = Invariant(s.AllocationOfA), ["answer"] = "Accepted", ["answeredOn"] = "2026-01-15", ["signedOn"] = "2026-01-20" }),

        // The coordination commission: the case is seen by administrators and the agents invited to it (the demo
        // reception agent is invited to the first case); only administrators change it, invited agents mark their
        // own actions done.
        // The exchange marketplace: presentation public, joining for public accounts, the rest for members; photos to
        // members and to the agents of the listing's bailleur; a proposal or photo that is not theirs answers 404.
        ["/Echanges/Index"] = new(_ => "/echanges", Who.Everyone),
        ["/Echanges/Adhesion"] = new(_ => "/echanges/adhesion", Who.Applicant | Who.Tenant),
        ["/Echanges/Photo"] = new(_ => "/echanges/photo/999999", Who.Tenant | Who.Bailleurs, Answers: 404),
        ["/Echanges/Membre/MonEspace"] = new(_ => "/echanges/mon-espace", Who.Tenant),
        ["/Echanges/Membre/MonAnnonce"] = new(_ => "/echanges/mon-annonce", Who.Tenant),
        ["/Echanges/Membre/Photos"] = new(_ => "/echanges/mon-annonce/photos", Who.Tenant),
        ["/Echanges/Membre/Annonces"] = new(_ => "/echanges/annonces", Who.Tenant),
        ["/Echanges/Membre/Annonce"] = new(s => $"/echanges/annonces/{s.ListingOfAnotherTenant}", Who.Tenant),
        ["/Echanges/Membre/Favoris"] = new(_ => "/echanges/favoris", Who.Tenant),
        ["/Echanges/Membre/Compatibles"] = new(_ => "/echanges/compatibles", Who.Tenant),
        ["/Echanges/Membre/Proposer"] = new(_ => "/echanges/proposer?annonces=999998,999999", Who.Tenant, Answers: 404),
        ["/Echanges/Membre/Propositions/Index"] = new(_ => "/echanges/propositions", Who.Tenant),
        ["/Echanges/Membre/Propositions/Detail"] = new(_ => "/echanges/propositions/999999", Who.Tenant, Answers: 404),
        ["/Gestion/Bailleur/Echanges/Index"] = new(_ => "/gestion/bailleur/echanges", Who.Bailleurs),
        ["/Gestion/Bailleur/Echanges/Inscription"] = new(s => $"/gestion/bailleur/echanges/inscriptions/{s.ExchangeMemberOfA}", Who.BailleurA),
        ["/Gestion/Bailleur/Echanges/Annonce"] = new(s => $"/gestion/bailleur/echanges/annonces/{s.ExchangeListingOfA}", Who.BailleurA),
        ["/Gestion/Bailleur/Echanges/Proposition"] = new(_ => "/gestion/bailleur/echanges/propositions/999999", Who.Bailleurs, Answers: 404),

        ["/Gestion/Commission/Index"] = new(_ => "/gestion/epci/commission", Who.Staff),
        ["/Gestion/Commission/Dossier"] = new(s => $"/gestion/epci/commission/{s.CaseWithReceptionInvited}", Who.Reception | Who.Admin,
            Handlers: new Dictionary<string, Who>
            {
                ["Documents"] = Who.Admin,
                ["Document"] = Who.Admin,
                ["Action"] = Who.Admin,
                ["Close"] = Who.Admin,
                ["Invite"] = Who.Admin,
                ["Withdraw"] = Who.Admin,
            }),
        ["/Gestion/Commission/Nouveau"] = new(_ => "/gestion/epci/commission/nouveau", Who.Admin),
        ["/Gestion/Commission/Seances/Index"] = new(_ => "/gestion/epci/commission/seances", Who.Admin),
        ["/Gestion/Commission/Seances/Nouvelle"] = new(_ => "/gestion/epci/commission/seances/nouvelle", Who.Admin),

        // The EPCI administrator.
        ["/Gestion/Epci/Index"] = new(_ => "/gestion/epci", Who.Admin),
        ["/Gestion/Epci/Agents/Index"] = new(_ => "/gestion/epci/agents-accueil", Who.Admin),
        ["/Gestion/Epci/Bailleurs/Index"] = new(_ => "/gestion/epci/bailleurs", Who.Admin),
        ["/Gestion/Epci/Reservataires/Index"] = new(_ => "/gestion/epci/reservataires", Who.Admin),
        ["/Gestion/Epci/Secteurs/Index"] = new(_ => "/gestion/epci/secteurs", Who.Admin),
        ["/Gestion/Epci/Cia/Index"] = new(_ => "/gestion/epci/cia", Who.Admin),
        ["/Gestion/Epci/Cia/Annees"] = new(_ => "/gestion/epci/cia/annees", Who.Admin),
        ["/Gestion/Epci/Cia/Attributions"] = new(_ => "/gestion/epci/cia/attributions", Who.Admin),
        ["/Gestion/Epci/Cia/Bilan"] = new(_ => "/gestion/epci/cia/bilan", Who.Admin),
        ["/Gestion/Epci/Cia/Objectifs"] = new(_ => "/gestion/epci/cia/objectifs", Who.Admin),
        ["/Gestion/Epci/Cia/Simulation"] = new(_ => "/gestion/epci/cia/simulation", Who.Admin),
        ["/Gestion/Epci/Cotation/Index"] = new(_ => "/gestion/epci/cotation", Who.Admin),
        ["/Gestion/Epci/Cotation/Edit"] = new(s => $"/gestion/epci/cotation/{s.GridId}", Who.Admin),
        ["/Gestion/Epci/Cotation/Apercu"] = new(s => $"/gestion/epci/cotation/{s.GridId}/apercu", Who.Admin),
        ["/Gestion/Epci/ImportEvenements/Index"] = new(_ => "/gestion/epci/import-evenements", Who.Admin),
        ["/Gestion/Epci/ImportSne/Index"] = new(_ => "/gestion/epci/import-sne", Who.Admin),
        ["/Gestion/Epci/Journal/Index"] = new(_ => "/gestion/epci/journal", Who.Admin),
        ["/Gestion/Epci/LieuxAccueil/Index"] = new(_ => "/gestion/epci/lieux-accueil", Who.Admin),
        ["/Gestion/Epci/LieuxAccueil/Edit"] = new(s => $"/gestion/epci/lieux-accueil/modifier/{s.ReceptionPointId}", Who.Admin),
        ["/Gestion/Epci/Plafonds/Index"] = new(_ => "/gestion/epci/plafonds", Who.Admin),
        ["/Gestion/Epci/Plafonds/Edit"] = new(s => $"/gestion/epci/plafonds/modifier/{s.CeilingScaleId}", Who.Admin),
        ["/Gestion/Epci/Qpv/Import"] = new(_ => "/gestion/epci/qpv/import", Who.Admin),
        ["/Gestion/Epci/RendezVous/Index"] = new(_ => "/gestion/epci/rendez-vous", Who.Admin),
        ["/Gestion/Epci/Utilisateurs/Index"] = new(_ => "/gestion/epci/utilisateurs", Who.Admin),
        ["/Gestion/Epci/Utilisateurs/Nouveau"] = new(_ => "/gestion/epci/utilisateurs/nouveau", Who.Admin),
    };

    internal static readonly (Who Who, string? Email)[] People =
    [
        (Who.Anonymous, null),
        (Who.Applicant, DemoAccounts.Applicant),
        (Who.Tenant, DemoAccounts.Tenant),
        (Who.Reception, DemoAccounts.ReceptionAgent),
        (Who.BailleurA, DemoAccounts.BailleurAgent1),
        (Who.BailleurB, DemoAccounts.BailleurAgent2),
        (Who.Admin, DemoAccounts.EpciAdministrator),
    ];

    [Fact]
    public async Task Every_page_and_handler_answers_each_role_as_the_matrix_says()
    {
        var pages = await PagesAsync();
        var undeclared = pages.Keys.Where(p => !Matrix.ContainsKey(p)).Order(StringComparer.Ordinal).ToList();
        Assert.True(undeclared.Count == 0,
            $"Page(s) without a line in {nameof(AuthorizationMatrixTests)}.{nameof(Matrix)} (say who may open them): {string.Join(", ", undeclared)}");
        var stale = Matrix.Keys.Where(p => !pages.ContainsKey(p)).ToList();
        Assert.True(stale.Count == 0, $"Line(s) of the matrix for pages that no longer exist: {string.Join(", ", stale)}");

        var samples = await SamplesAsync();
        var clients = new Dictionary<Who, (HttpClient Client, string Token)>();
        foreach (var (who, email) in People)
        {
            var client = factory.CreateClient(new() { AllowAutoRedirect = false });
            if (email is not null)
            {
                using var signedIn = await client.SignInAsync(email);
                Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect && !IsSignInOrDenied(signedIn.Headers.Location), $"{email} could not sign in.");
            }

            clients[who] = (client, await client.TokenAsync(email is null ? "/compte/connexion" : "/"));
        }

        var failures = new List<string>();
        foreach (var (page, handlers) in pages.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var rule = Matrix[page];
            var url = rule.Url(samples);
            foreach (var (who, _) in People)
            {
                var client = clients[who].Client;
                if (handlers.Contains(("GET", "")))
                {
                    using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                    Check(failures, page, "GET", url, who, rule.Allowed.HasFlag(who), response, rule.Answers);
                }

                foreach (var (method, name) in handlers.Where(h => h.Method == "POST"))
                {
                    var allowed = rule.AllowedFor(name).HasFlag(who);
                    if (allowed)
                    {
                        continue;
                    }

                    var target = name.Length == 0 ? url : $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}handler={name}";
                    var fields = rule.PostFields?.Invoke(samples) ?? [];
                    fields["__RequestVerificationToken"] = clients[who].Token;
                    using var content = new FormUrlEncodedContent(fields);
                    using var response = await client.PostAsync(new Uri(target, UriKind.Relative), content);
                    Check(failures, page, $"POST {name}".TrimEnd(), target, who, false, response);
                }
            }
        }

        foreach (var (client, _) in clients.Values)
        {
            client.Dispose();
        }

        Assert.True(failures.Count == 0, $"{failures.Count} answer(s) differ from the matrix:\n{string.Join('\n', failures)}");
    }

    [Fact]
    public async Task Bailleur_B_posting_to_A_s_records_changes_nothing()
    {
        var samples = await SamplesAsync();
        var before = await SnapshotOfAAsync(samples);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(DemoAccounts.BailleurAgent2);

        // The pages of A's records answer 404 to B, so the token comes from B's own pages (a token is per user, not per page).
        var token = await client.TokenAsync("/gestion/bailleur/patrimoine/import");
        var posts = new (string Url, Dictionary<string, string> Fields)[]
        {
            ($"/gestion/bailleur/patrimoine/residences/{samples.ResidenceOfA}?handler=vacancy",
                new() { ["dwellingId"] = Invariant(samples.DwellingOfA), ["vacant"] = before.Vacant is null ? "true" : "false" }),
            ($"/gestion/bailleur/attributions/{samples.ExaminationOfA}?handler=answer",
                new() { ["allocationId"] = Invariant(samples.AllocationOfA), ["answer"] = "Accepted", ["answeredOn"] = "2026-01-15" }),
            ($"/gestion/bailleur/attributions/{samples.ExaminationOfA}?handler=lease",
                new() { ["allocationId"] = Invariant(samples.AllocationOfA), ["signedOn"] = "2026-01-20" }),
        };
        foreach (var (url, fields) in posts)
        {
            fields["__RequestVerificationToken"] = token;
            using var content = new FormUrlEncodedContent(fields);
            using var response = await client.PostAsync(new Uri(url, UriKind.Relative), content);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} answered {response.StatusCode} to bailleur B.");
        }

        Assert.Equal(before, await SnapshotOfAAsync(samples));
    }

    private static void Check(List<string> failures, string page, string what, string url, Who who, bool allowed, HttpResponseMessage response, int answers = 200)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location;
        string? problem = null;
        if (status >= 500 && status != answers)
        {
            problem = $"answered {status}";
        }
        else if (allowed && !(status == answers || (status is 301 or 302 or 303 && IsInsideAndNotRefused(location))))
        {
            problem = $"must be allowed, answered {status}{(location is null ? "" : " → " + location)}";
        }
        else if (!allowed && !(status is 403 or 404 || (status is 302 && IsSignInOrDenied(location))))
        {
            problem = $"must be refused, answered {status}{(location is null ? "" : " → " + location)}";
        }

        if (problem is not null)
        {
            failures.Add($"{page} {what} {url} as {who}: {problem}");
        }
    }

    private static bool IsSignInOrDenied(Uri? location) =>
        location is not null && Path(location) is var path
        && (path.StartsWith("/compte/connexion", StringComparison.Ordinal) && !path.StartsWith("/compte/connexion-code", StringComparison.Ordinal)
            || path.StartsWith("/compte/acces-refuse", StringComparison.Ordinal));

    private static bool IsInsideAndNotRefused(Uri? location) =>
        location is not null && (!location.IsAbsoluteUri || location.Host == "localhost") && !IsSignInOrDenied(location);

    private static string Path(Uri location) => location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every page of the host with its handlers: ("GET", "") for OnGet, ("POST", "Lease") for OnPostLease.</summary>
    private async Task<Dictionary<string, HashSet<(string Method, string Name)>>> PagesAsync()
    {
        _ = factory.Server;
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var pages = new Dictionary<string, HashSet<(string, string)>>(StringComparer.Ordinal);
        foreach (var endpoint in factory.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor || pages.ContainsKey(descriptor.ViewEnginePath))
            {
                continue;
            }

            var compiled = await loader.LoadAsync(descriptor, Microsoft.AspNetCore.Http.EndpointMetadataCollection.Empty);
            pages[descriptor.ViewEnginePath] = [.. compiled.HandlerMethods.Select(h => (h.HttpMethod.ToUpperInvariant(), h.Name ?? ""))];
        }

        Assert.NotEmpty(pages);
        return pages;
    }

    private Task<Samples> SamplesAsync() => SamplesAsync(factory);

    /// <summary>Sample values for the addresses' parameters, from a portal's seeded demo database.</summary>
    internal static async Task<Samples> SamplesAsync(CilPortalWebFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var applicant = await db.Users.SingleAsync(u => u.Email == DemoAccounts.Applicant);
        var nur = await db.Demands.Where(d => d.Id == applicant.LinkedDemandId).Select(d => d.Nur).SingleAsync();
        var bailleurA = (await db.Users.SingleAsync(u => u.Email == DemoAccounts.BailleurAgent1)).BailleurId!.Value;
        var bailleurB = (await db.Users.SingleAsync(u => u.Email == DemoAccounts.BailleurAgent2)).BailleurId!.Value;
        Assert.NotEqual(bailleurA, bailleurB);
        var dwelling = await db.Dwellings.Where(d => d.Residence!.BailleurId == bailleurA).OrderBy(d => d.Id).Select(d => new { d.Id, d.ResidenceId }).FirstAsync();
        var allocation = await db.Allocations.Where(a => db.CaleolExaminations.Any(e => e.Id == a.ExaminationId && e.BailleurId == bailleurA))
            .OrderBy(a => a.Id).Select(a => new { a.Id, a.ExaminationId }).FirstAsync();
        var reception = await db.Users.SingleAsync(u => u.Email == DemoAccounts.ReceptionAgent);
        var tenant = await db.Users.SingleAsync(u => u.Email == DemoAccounts.Tenant);
        var caseId = await db.CaseInvitations.Where(i => i.UserId == reception.Id).OrderBy(i => i.CaseId).Select(i => i.CaseId).FirstAsync();
        return new Samples(
            nur,
            dwelling.ResidenceId,
            dwelling.Id,
            allocation.ExaminationId,
            allocation.Id,
            caseId,
            await db.ScoringGrids.OrderBy(g => g.Id).Select(g => g.Id).FirstAsync(),
            await db.ReceptionPoints.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(),
            await db.IncomeCeilingScales.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
            await db.ExchangeMembers.Where(m => m.BailleurId == bailleurA).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(),
            await db.ExchangeListings.Where(l => l.Member!.BailleurId == bailleurA).OrderBy(l => l.Id).Select(l => l.Id).FirstAsync(),
            await db.ExchangeListings.Where(l => l.Status == CilPortal.Domain.Exchanges.ListingStatus.Published && l.Member!.UserId != tenant.Id).OrderBy(l => l.Id).Select(l => l.Id).FirstAsync());
    }

    private async Task<(DateOnly? Vacant, string Allocation)> SnapshotOfAAsync(Samples samples)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var dwelling = await db.Dwellings.AsNoTracking().SingleAsync(d => d.Id == samples.DwellingOfA);
        var allocation = await db.Allocations.AsNoTracking().SingleAsync(a => a.Id == samples.AllocationOfA);
        return (dwelling.VacantSince, System.Text.Json.JsonSerializer.Serialize(allocation));
    }
}
