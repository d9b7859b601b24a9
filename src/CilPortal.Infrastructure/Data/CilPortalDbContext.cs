using CilPortal.Domain.Allocations;
using CilPortal.Domain.Demands;
using CilPortal.Domain.Eligibility;
using CilPortal.Domain.Partners;
using CilPortal.Domain.Stock;
using CilPortal.Domain.Territory;
using CilPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Infrastructure.Data;

public class CilPortalDbContext(DbContextOptions<CilPortalDbContext> options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Epci> Epcis => Set<Epci>();

    public DbSet<Commune> Communes => Set<Commune>();

    public DbSet<Qpv> Qpvs => Set<Qpv>();

    public DbSet<Sector> Sectors => Set<Sector>();

    public DbSet<Bailleur> Bailleurs => Set<Bailleur>();

    public DbSet<Reservataire> Reservataires => Set<Reservataire>();

    public DbSet<ReceptionPoint> ReceptionPoints => Set<ReceptionPoint>();

    public DbSet<OpeningSlot> OpeningSlots => Set<OpeningSlot>();

    public DbSet<ReceptionClosure> ReceptionClosures => Set<ReceptionClosure>();

    public DbSet<IncomeCeilingScale> IncomeCeilingScales => Set<IncomeCeilingScale>();

    public DbSet<Residence> Residences => Set<Residence>();

    public DbSet<Dwelling> Dwellings => Set<Dwelling>();

    public DbSet<Demand> Demands => Set<Demand>();

    public DbSet<HouseholdMember> HouseholdMembers => Set<HouseholdMember>();

    public DbSet<DemandResource> DemandResources => Set<DemandResource>();

    public DbSet<DemandEvent> DemandEvents => Set<DemandEvent>();

    public DbSet<Allocation> Allocations => Set<Allocation>();

    public DbSet<CilPortal.Infrastructure.Access.DemandLinkChallenge> DemandLinkChallenges => Set<CilPortal.Infrastructure.Access.DemandLinkChallenge>();

    public DbSet<CilPortal.Infrastructure.Email.OutboxMessage> OutboxMessages => Set<CilPortal.Infrastructure.Email.OutboxMessage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        if (Database.IsSqlite())
        {
            // SQLite has no decimal type: EF would store TEXT and refuse to sort or sum it.
            // REAL keeps euros and m² exact to the cent at these magnitudes and lets the database aggregate.
            configurationBuilder.Properties<decimal>().HaveConversion<double>();
            configurationBuilder.Properties<decimal?>().HaveConversion<double?>();
        }
        else
        {
            configurationBuilder.Properties<decimal>().HavePrecision(12, 2);
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CilPortalDbContext).Assembly);
    }
}
