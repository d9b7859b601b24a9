using CilPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;

namespace CilPortal.Web.Infrastructure;

/// <summary>Authorization policies. Every page is denied to anonymous users unless its folder is opened in <see cref="PageAccess"/>.</summary>
public static class Policies
{
    public const string Applicant = nameof(Applicant);

    /// <summary>A tenant who joined the exchange marketplace.</summary>
    public const string Tenant = nameof(Tenant);

    /// <summary>A person with a public account (applicant or tenant), never staff: who may join the exchange marketplace.</summary>
    public const string Resident = nameof(Resident);

    /// <summary>Who may ask for a listing photo (the page then checks the listing is theirs to see).</summary>
    public const string ExchangePhotoViewer = nameof(ExchangePhotoViewer);
    public const string Staff = nameof(Staff);
    public const string ReceptionAgent = nameof(ReceptionAgent);
    public const string BailleurAgent = nameof(BailleurAgent);
    public const string EpciAdministrator = nameof(EpciAdministrator);

    public static AuthorizationBuilder AddCilPortalPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Applicant, p => p.RequireRole(Roles.Applicant))
            .AddPolicy(Tenant, p => p.RequireRole(Roles.Tenant))
            .AddPolicy(Resident, p => p.RequireRole(Roles.Applicant, Roles.Tenant))
            .AddPolicy(ExchangePhotoViewer, p => p.RequireRole(Roles.Tenant, Roles.BailleurAgent))
            .AddPolicy(Staff, p => p.RequireRole([.. Roles.Staff]))
            .AddPolicy(ReceptionAgent, p => p.RequireRole(Roles.ReceptionAgent, Roles.EpciAdministrator))
            .AddPolicy(BailleurAgent, p => p.RequireRole(Roles.BailleurAgent).RequireClaim(CilPortalClaims.BailleurId))
            .AddPolicy(EpciAdministrator, p => p.RequireRole(Roles.EpciAdministrator));
    }
}

/// <summary>Which page folders are public and which role each staff folder needs.</summary>
public static class PageAccess
{
    /// <summary>Folders and pages anyone may read without an account.</summary>
    public static readonly IReadOnlyList<string> PublicFolders = ["/Informations", "/LieuxAccueil", "/ChiffresCles", "/Simulateur", "/Cotation", "/Desabonnement", "/RendezVous", "/Recherche", "/Contact", "/Compte"];

    public static readonly IReadOnlyList<string> PublicPages = ["/Index", "/PlanDuSite", "/Erreur", "/MaDemande/Suivi", "/Echanges/Index"];

    public static void Apply(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        foreach (var folder in PublicFolders)
        {
            conventions.AllowAnonymousToFolder(folder);
        }

        foreach (var page in PublicPages)
        {
            conventions.AllowAnonymousToPage(page);
        }

        conventions.AuthorizeFolder("/MaDemande", Policies.Applicant);

        // The exchange marketplace: the presentation is public, joining needs a public account, the rest a member
        // (each page then checks the membership is verified; photos and proposals only to whom they concern).
        conventions.AuthorizePage("/Echanges/Adhesion", Policies.Resident);
        conventions.AuthorizeFolder("/Echanges/Membre", Policies.Tenant);
        conventions.AuthorizePage("/Echanges/Photo", Policies.ExchangePhotoViewer);
        conventions.AuthorizeFolder("/Gestion", Policies.Staff);
        conventions.AuthorizeFolder("/Gestion/Accueil", Policies.ReceptionAgent);
        conventions.AuthorizeFolder("/Gestion/Bailleur", Policies.BailleurAgent);
        conventions.AuthorizeFolder("/Gestion/Epci", Policies.EpciAdministrator);

        // The coordination commission (at /gestion/epci/commission): any staff account reaches the folder, then each page
        // shows a case only to the EPCI administrators and the agents invited to it (404 otherwise), and lets only
        // administrators change what is not their own action.
        conventions.AuthorizeFolder("/Gestion/Commission", Policies.Staff);
    }
}
