using CilPortal.Domain.Territory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CilPortal.Infrastructure.Data.Configurations;

internal sealed class EpciConfiguration : IEntityTypeConfiguration<Epci>
{
    public void Configure(EntityTypeBuilder<Epci> builder)
    {
        builder.Property(e => e.Siren).HasMaxLength(9).IsUnicode(false);
        builder.HasIndex(e => e.Siren).IsUnique();
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.HasMany(e => e.Communes).WithOne().HasForeignKey(c => c.EpciId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommuneConfiguration : IEntityTypeConfiguration<Commune>
{
    public void Configure(EntityTypeBuilder<Commune> builder)
    {
        builder.HasKey(c => c.InseeCode);
        builder.Property(c => c.InseeCode).HasMaxLength(5).IsUnicode(false);
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.HasMany(c => c.Qpvs).WithOne(q => q.Commune).HasForeignKey(q => q.CommuneInseeCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QpvConfiguration : IEntityTypeConfiguration<Qpv>
{
    public void Configure(EntityTypeBuilder<Qpv> builder)
    {
        builder.HasKey(q => q.Code);
        builder.Property(q => q.Code).HasMaxLength(8).IsUnicode(false);
        builder.Property(q => q.Name).HasMaxLength(150);
        builder.Property(q => q.CommuneInseeCode).HasMaxLength(5).IsUnicode(false);
        builder.Property(q => q.ContourGeoJson).IsUnicode(false);
    }
}

internal sealed class SectorConfiguration : IEntityTypeConfiguration<Sector>
{
    public void Configure(EntityTypeBuilder<Sector> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.HasIndex(s => s.Name).IsUnique();
        builder.HasMany(s => s.Communes).WithOne().HasForeignKey(c => c.SectorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Qpvs).WithOne().HasForeignKey(q => q.SectorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SectorCommuneConfiguration : IEntityTypeConfiguration<SectorCommune>
{
    public void Configure(EntityTypeBuilder<SectorCommune> builder)
    {
        builder.HasKey(s => new { s.SectorId, s.CommuneInseeCode });
        builder.Property(s => s.CommuneInseeCode).HasMaxLength(5).IsUnicode(false);
        builder.HasOne<Commune>().WithMany().HasForeignKey(s => s.CommuneInseeCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SectorQpvConfiguration : IEntityTypeConfiguration<SectorQpv>
{
    public void Configure(EntityTypeBuilder<SectorQpv> builder)
    {
        builder.HasKey(s => new { s.SectorId, s.QpvCode });
        builder.Property(s => s.QpvCode).HasMaxLength(8).IsUnicode(false);
        builder.HasOne<Qpv>().WithMany().HasForeignKey(s => s.QpvCode).OnDelete(DeleteBehavior.Restrict);
    }
}
