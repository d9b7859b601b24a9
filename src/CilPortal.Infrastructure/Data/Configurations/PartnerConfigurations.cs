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
        builder.Property(r => r.OpeningHours).HasMaxLength(500);
        builder.HasOne<Commune>().WithMany().HasForeignKey(r => r.CommuneInseeCode).OnDelete(DeleteBehavior.Restrict);
    }
}
