namespace CilPortal.Infrastructure.Seeding;

/// <summary>Settings of the <c>Demo</c> section. Demo data is never seeded silently in Production.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seed the fictional demo territory and accounts (always on in Development).</summary>
    public bool Enabled { get; set; }

    /// <summary>Password of the demo accounts; without it no demo account is created.</summary>
    public string? AccountPassword { get; set; }

    /// <summary>Seed of the random generator, so that the demo data is the same on every machine.</summary>
    public int RandomSeed { get; set; } = 20261128;

    /// <summary>Standard (the demo) or Metropolis (the benchmark territory of bench/, about ten minutes to create).</summary>
    public DemoSize Size { get; set; } = DemoSize.Standard;
}

/// <summary>The demo accounts, one per role (documented in README.md, for development only).</summary>
public static class DemoAccounts
{
    public const string Domain = "demo.cilportal.test";
    public const string Applicant = "demandeur@" + Domain;
    public const string Tenant = "locataire@" + Domain;

    /// <summary>Two more demo tenants, of the second and first bailleurs, who with <see cref="Tenant"/> form a 3-way chain.</summary>
    public const string Tenant2 = "locataire2@" + Domain;
    public const string Tenant3 = "locataire3@" + Domain;
    public const string ReceptionAgent = "accueil@" + Domain;
    public const string BailleurAgent1 = "bailleur1@" + Domain;
    public const string BailleurAgent2 = "bailleur2@" + Domain;
    public const string EpciAdministrator = "admin@" + Domain;

    /// <summary>Personal access code of the demo applicant's demand, for /ma-demande/suivi (demo only).</summary>
    public const string ApplicantAccessCode = "DEMA-NDE2-26";
}
