using CilPortal.Domain.Partners;
using CilPortal.Domain.Stock;
using CilPortal.Domain.Territory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CilPortal.Infrastructure.Data.Configurations;

internal sealed class ResidenceConfiguration : IEntityTypeConfiguration<Residence>
{
    public void Configure(EntityTypeBuilder<Residence> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(150);
        builder.Property(r => r.Address).HasMaxLength(250);
        builder.Property(r => r.CommuneInseeCode).HasMaxLength(5).IsUnicode(false);
        builder.Property(r => r.QpvCode).HasMaxLength(8).IsUnicode(false);
        builder.Ignore(r => r.IsInQpv);
        builder.HasOne<Bailleur>().WithMany().HasForeignKey(r => r.BailleurId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Commune>().WithMany().HasForeignKey(r => r.CommuneInseeCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Qpv>().WithMany().HasForeignKey(r => r.QpvCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Dwellings).WithOne(d => d.Residence).HasForeignKey(d => d.ResidenceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.BailleurId);
    }
}

internal sealed class DwellingConfiguration : IEntityTypeConfiguration<Dwelling>
{
    public void Configure(EntityTypeBuilder<Dwelling> builder)
    {
        builder.Property(d => d.Reference).HasMaxLength(50);
        builder.HasIndex(d => new { d.ResidenceId, d.Reference }).IsUnique();
        builder.Property(d => d.Typology).HasConversion<int>();
    }
}
