using CilPortal.Domain.Partners;
using CilPortal.Domain.Territory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CilPortal.Infrastructure.Data.Configurations;

internal sealed class BailleurConfiguration : IEntityTypeConfiguration<Bailleur>
{
    public void Configure(EntityTypeBuilder<Bailleur> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(150);
        builder.HasIndex(b => b.Name).IsUnique();
        builder.Property(b => b.Siren).HasMaxLength(9).IsUnicode(false);
    }
}

internal sealed class ReservataireConfiguration : IEntityTypeConfiguration<Reservataire>
{
    public void Configure(EntityTypeBuilder<Reservataire> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(150);
        builder.HasIndex(r => r.Name).IsUnique();
        builder.Property(r => r.CommuneInseeCode).HasMaxLength(5).IsUnicode(false);
        builder.HasOne<Bailleur>().WithMany().HasForeignKey(r => r.BailleurId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Commune>().WithMany().HasForeignKey(r => r.CommuneInseeCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReceptionPointConfiguration : IEntityTypeConfiguration<ReceptionPoint>
{
    public void Configure(EntityTypeBuilder<ReceptionPoint> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(150);
        builder.Property(r => r.Address).HasMaxLength(250);
        builder.Property(r => r.PostalCode).HasMaxLength(5).IsUnicode(false);
        builder.Property(r => r.CommuneInseeCode).HasMaxLength(5).IsUnicode(false);
        builder.Property(r => r.Phone).HasMaxLength(20).IsUnicode(false);
        builder.Property(r => r.Email).HasMaxLength(254);
        builder.Property(r => r.AccessibilityDetails).HasMaxLength(500);
        builder.Property(r => r.Notes).HasMaxLength(500);
        builder.Ignore(r => r.IsRegistrationDesk);
        builder.HasOne<Commune>().WithMany().HasForeignKey(r => r.CommuneInseeCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.OpeningSlots).WithOne().HasForeignKey(s => s.ReceptionPointId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Closures).WithOne().HasForeignKey(c => c.ReceptionPointId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OpeningSlotConfiguration : IEntityTypeConfiguration<OpeningSlot>
{
    public void Configure(EntityTypeBuilder<OpeningSlot> builder) =>
        builder.HasIndex(s => new { s.ReceptionPointId, s.Day });
}

internal sealed class ReceptionClosureConfiguration : IEntityTypeConfiguration<ReceptionClosure>
{
    public void Configure(EntityTypeBuilder<ReceptionClosure> builder)
    {
        builder.Property(c => c.Reason).HasMaxLength(200);
        builder.HasIndex(c => new { c.ReceptionPointId, c.To });
    }
}
