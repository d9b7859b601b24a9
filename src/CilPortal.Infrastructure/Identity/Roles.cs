namespace CilPortal.Infrastructure.Identity;

/// <summary>The Identity roles of the portal. Staff roles are never self-registered.</summary>
public static class Roles
{
    public const string Applicant = "Demandeur";
    public const string Tenant = "Locataire";
    public const string ReceptionAgent = "AgentAccueil";
    public const string BailleurAgent = "AgentBailleur";
    public const string EpciAdministrator = "AdministrateurEpci";

    public static readonly IReadOnlyList<string> All = [Applicant, Tenant, ReceptionAgent, BailleurAgent, EpciAdministrator];

    public static readonly IReadOnlyList<string> Staff = [ReceptionAgent, BailleurAgent, EpciAdministrator];
}
