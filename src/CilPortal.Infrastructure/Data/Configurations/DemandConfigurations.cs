using CilPortal.Domain.Demands;
using CilPortal.Domain.Partners;
using CilPortal.Domain.Territory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CilPortal.Infrastructure.Data.Configurations;

internal sealed class DemandConfiguration : IEntityTypeConfiguration<Demand>
{
    public void Configure(EntityTypeBuilder<Demand> builder)
    {
        builder.Property(d => d.Nur).HasMaxLength(Nur.Length).IsUnicode(false).IsFixedLength();
        builder.HasIndex(d => d.Nur).IsUnique();
        builder.HasIndex(d => new { d.Status, d.ExpiresOn });
        builder.Property(d => d.CurrentCommuneInseeCode).HasMaxLength(5).IsUnicode(false);
        builder.Property(d => d.ContactEmail).HasMaxLength(254);
        builder.Property(d => d.PortalEmail).HasMaxLength(254);
        builder.Property(d => d.PendingPortalEmail).HasMaxLength(254);
        builder.Property(d => d.PendingPortalEmailTokenHash).HasMaxLength(100).IsUnicode(false);
        builder.Property(d => d.PortalPhone).HasMaxLength(20).IsUnicode(false);
        builder.Property(d => d.NoticeToken).HasMaxLength(50).IsUnicode(false);
        builder.HasIndex(d => d.NoticeToken).IsUnique();
        builder.Ignore(d => d.NoticeEmail);
        builder.Property(d => d.ContactPhone).HasMaxLength(20).IsUnicode(false);
        builder.Property(d => d.CurrentHousingCode).HasMaxLength(10).IsUnicode(false);
        builder.Property(d => d.AccessCodeHash).HasMaxLength(200).IsUnicode(false);
        builder.HasOne<ReceptionPoint>().WithMany().HasForeignKey(d => d.ReceptionPointId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(d => d.Members).WithOne().HasForeignKey(m => m.DemandId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Resources).WithOne().HasForeignKey(r => r.DemandId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.WishedCommunes).WithOne().HasForeignKey(w => w.DemandId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Events).WithOne().HasForeignKey(e => e.DemandId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DemandWishedCommuneConfiguration : IEntityTypeConfiguration<DemandWishedCommune>
{
    public void Configure(EntityTypeBuilder<DemandWishedCommune> builder)
    {
        builder.HasKey(w => new { w.DemandId, w.CommuneInseeCode });
        builder.Property(w => w.CommuneInseeCode).HasMaxLength(5).IsUnicode(false);
        builder.HasOne<Commune>().WithMany().HasForeignKey(w => w.CommuneInseeCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HouseholdMemberConfiguration : IEntityTypeConfiguration<HouseholdMember>
{
    public void Configure(EntityTypeBuilder<HouseholdMember> builder)
    {
        builder.Property(m => m.FirstName).HasMaxLength(100);
        builder.Property(m => m.LastName).HasMaxLength(100);
    }
}

internal sealed class DemandResourceConfiguration : IEntityTypeConfiguration<DemandResource>
{
    public void Configure(EntityTypeBuilder<DemandResource> builder)
    {
        builder.Property(r => r.Code).HasMaxLength(6).IsUnicode(false);
        builder.HasOne(r => r.Member).WithMany().HasForeignKey(r => r.HouseholdMemberId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class DemandEventConfiguration : IEntityTypeConfiguration<DemandEvent>
{
    public void Configure(EntityTypeBuilder<DemandEvent> builder)
    {
        builder.Property(e => e.Detail).HasMaxLength(500);
        builder.HasIndex(e => new { e.DemandId, e.OccurredOn });

        // ClientSetNull, not SetNull: SQL Server refuses a second cascade path from Demands.
        builder.HasOne<CilPortal.Domain.Allocations.Allocation>().WithMany().HasForeignKey(e => e.AllocationId).OnDelete(DeleteBehavior.ClientSetNull);
    }
}
