using CilPortal.Domain.Allocations;
using CilPortal.Domain.Demands;
using CilPortal.Domain.Eligibility;
using CilPortal.Domain.Partners;
using CilPortal.Domain.Scoring;
using CilPortal.Domain.Stock;
using CilPortal.Domain.Territory;
using CilPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Infrastructure.Data;

/// <summary>Thrown when something tries to change a published cotation grid.</summary>
public sealed class PublishedGridException(int version)
    : InvalidOperationException($"La version {version} de la grille de cotation est publiée : elle ne peut plus être modifiée.");

public class CilPortalDbContext(DbContextOptions<CilPortalDbContext> options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    /// <summary>
    /// The data-protection key ring (cookies, antiforgery tokens, Identity tokens), shared by every instance of the
    /// portal on this database: a cookie issued by one is read by the others, and keys survive restarts and redeployments.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

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

    public DbSet<CaleolExamination> CaleolExaminations => Set<CaleolExamination>();

    public DbSet<CiaYearSettings> CiaYears => Set<CiaYearSettings>();
    public DbSet<CiaTargetOverride> CiaTargetOverrides => Set<CiaTargetOverride>();

    public DbSet<CilPortal.Infrastructure.Access.DemandLinkChallenge> DemandLinkChallenges => Set<CilPortal.Infrastructure.Access.DemandLinkChallenge>();

    public DbSet<CilPortal.Infrastructure.Jobs.JobLease> JobLeases => Set<CilPortal.Infrastructure.Jobs.JobLease>();

    public DbSet<CilPortal.Infrastructure.Email.OutboxMessage> OutboxMessages => Set<CilPortal.Infrastructure.Email.OutboxMessage>();

    public DbSet<ScoringGrid> ScoringGrids => Set<ScoringGrid>();

    public DbSet<ScoringCriterion> ScoringCriteria => Set<ScoringCriterion>();

    public DbSet<ScoringGroupCap> ScoringGroupCaps => Set<ScoringGroupCap>();

    public DbSet<DemandScore> DemandScores => Set<DemandScore>();

    public DbSet<Interview> Interviews => Set<Interview>();

    public DbSet<DemandDocument> DemandDocuments => Set<DemandDocument>();

    public DbSet<CilPortal.Domain.Appointments.AppointmentSchedule> AppointmentSchedules => Set<CilPortal.Domain.Appointments.AppointmentSchedule>();

    public DbSet<CilPortal.Domain.Appointments.Appointment> Appointments => Set<CilPortal.Domain.Appointments.Appointment>();

    public DbSet<CilPortal.Infrastructure.Reception.ReceptionAgentAssignment> ReceptionAgentAssignments => Set<CilPortal.Infrastructure.Reception.ReceptionAgentAssignment>();

    public DbSet<CilPortal.Infrastructure.Reception.DemandAccessLog> DemandAccessLogs => Set<CilPortal.Infrastructure.Reception.DemandAccessLog>();

    public DbSet<CilPortal.Infrastructure.Audit.AuditEntry> AuditEntries => Set<CilPortal.Infrastructure.Audit.AuditEntry>();

    public DbSet<CilPortal.Domain.Commission.CoordinationCase> CoordinationCases => Set<CilPortal.Domain.Commission.CoordinationCase>();

    public DbSet<CilPortal.Domain.Commission.CaseDocument> CaseDocuments => Set<CilPortal.Domain.Commission.CaseDocument>();

    public DbSet<CilPortal.Domain.Commission.CommissionSession> CommissionSessions => Set<CilPortal.Domain.Commission.CommissionSession>();

    public DbSet<CilPortal.Domain.Commission.CaseDecision> CaseDecisions => Set<CilPortal.Domain.Commission.CaseDecision>();

    public DbSet<CilPortal.Domain.Commission.CaseAction> CaseActions => Set<CilPortal.Domain.Commission.CaseAction>();

    public DbSet<CilPortal.Infrastructure.Commission.CaseInvitation> CaseInvitations => Set<CilPortal.Infrastructure.Commission.CaseInvitation>();

    public DbSet<CilPortal.Infrastructure.Captcha.UsedCaptchaChallenge> UsedCaptchaChallenges => Set<CilPortal.Infrastructure.Captcha.UsedCaptchaChallenge>();
    public DbSet<CilPortal.Domain.Exchanges.ExchangeMember> ExchangeMembers => Set<CilPortal.Domain.Exchanges.ExchangeMember>();

    public DbSet<CilPortal.Domain.Exchanges.ExchangeListing> ExchangeListings => Set<CilPortal.Domain.Exchanges.ExchangeListing>();

    public DbSet<CilPortal.Domain.Exchanges.ListingPhoto> ListingPhotos => Set<CilPortal.Domain.Exchanges.ListingPhoto>();

    public DbSet<CilPortal.Domain.Exchanges.ExchangeFavourite> ExchangeFavourites => Set<CilPortal.Domain.Exchanges.ExchangeFavourite>();

    public DbSet<CilPortal.Domain.Exchanges.ListingReport> ListingReports => Set<CilPortal.Domain.Exchanges.ListingReport>();

    public DbSet<CilPortal.Domain.Exchanges.ExchangeProposal> ExchangeProposals => Set<CilPortal.Domain.Exchanges.ExchangeProposal>();

    public DbSet<CilPortal.Domain.Exchanges.ExchangeParticipant> ExchangeParticipants => Set<CilPortal.Domain.Exchanges.ExchangeParticipant>();

    public DbSet<CilPortal.Domain.Exchanges.ExchangeMessage> ExchangeMessages => Set<CilPortal.Domain.Exchanges.ExchangeMessage>();

    public DbSet<CilPortal.Domain.Exchanges.ExchangeMatchingRun> ExchangeMatchingRuns => Set<CilPortal.Domain.Exchanges.ExchangeMatchingRun>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseChangesToPublishedGrids();
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseChangesToPublishedGrids();
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Every changed <see cref="CilPortal.Domain.IVersioned"/> record is saved as its original version + 1, and the
    /// UPDATE names the original version (a concurrency token): a record changed meanwhile by someone else updates no
    /// row and the save fails with <see cref="DbUpdateConcurrencyException"/>, writing nothing.
    /// </summary>
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<CilPortal.Domain.IVersioned>().Where(e => e.State == EntityState.Modified))
        {
            var version = entry.Property(v => v.RowVersion);
            version.CurrentValue = version.OriginalValue + 1;
        }
    }

    /// <summary>A published cotation grid is kept as it was published, for ever: scores refer to it.</summary>
    private void RefuseChangesToPublishedGrids()
    {
        var touchedGrids = new HashSet<int>();
        foreach (var entry in ChangeTracker.Entries<ScoringGrid>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted
                && (ScoringGridStatus)entry.OriginalValues[nameof(ScoringGrid.Status)]! == ScoringGridStatus.Published)
            {
                throw new PublishedGridException(entry.Entity.Version);
            }
        }

        foreach (var entry in ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            switch (entry.Entity)
            {
                case ScoringCriterion criterion:
                    touchedGrids.Add(entry.State == EntityState.Added ? criterion.GridId : (int)entry.OriginalValues[nameof(ScoringCriterion.GridId)]!);
                    break;
                case ScoringGroupCap cap:
                    touchedGrids.Add(entry.State == EntityState.Added ? cap.GridId : (int)entry.OriginalValues[nameof(ScoringGroupCap.GridId)]!);
                    break;
            }
        }

        touchedGrids.Remove(0);
        if (touchedGrids.Count > 0)
        {
            var published = ScoringGrids.AsNoTracking().Where(g => touchedGrids.Contains(g.Id) && g.Status == ScoringGridStatus.Published).Select(g => (int?)g.Version).FirstOrDefault();
            if (published is { } version)
            {
                throw new PublishedGridException(version);
            }
        }
    }

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
        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(CilPortal.Domain.IVersioned).IsAssignableFrom(t.ClrType)).ToList())
        {
            builder.Entity(entity.ClrType).Property(nameof(CilPortal.Domain.IVersioned.RowVersion)).IsConcurrencyToken();
        }
    }
}
