using CilPortal.Domain.Demands;
using CilPortal.Domain.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CilPortal.Infrastructure.Data.Configurations;

internal sealed class ScoringGridConfiguration : IEntityTypeConfiguration<ScoringGrid>
{
    public void Configure(EntityTypeBuilder<ScoringGrid> builder)
    {
        builder.HasIndex(g => g.Version).IsUnique();
        builder.HasIndex(g => new { g.Status, g.EffectiveFrom });
        builder.Property(g => g.Title).HasMaxLength(200);
        builder.Property(g => g.Decision).HasMaxLength(500);
        builder.Property(g => g.PublishedBy).HasMaxLength(256);
        builder.Ignore(g => g.IsPublished);
        builder.HasMany(g => g.Criteria).WithOne().HasForeignKey(c => c.GridId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(g => g.Caps).WithOne().HasForeignKey(c => c.GridId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScoringCriterionConfiguration : IEntityTypeConfiguration<ScoringCriterion>
{
    public void Configure(EntityTypeBuilder<ScoringCriterion> builder)
    {
        builder.HasIndex(c => new { c.GridId, c.Code }).IsUnique();
        builder.Property(c => c.Code).HasMaxLength(20).IsUnicode(false);
        builder.Property(c => c.Label).HasMaxLength(200);
        builder.Property(c => c.Group).HasMaxLength(100);
    }
}

internal sealed class ScoringGroupCapConfiguration : IEntityTypeConfiguration<ScoringGroupCap>
{
    public void Configure(EntityTypeBuilder<ScoringGroupCap> builder)
    {
        builder.HasIndex(c => new { c.GridId, c.Group }).IsUnique();
        builder.Property(c => c.Group).HasMaxLength(100);
    }
}

internal sealed class DemandScoreConfiguration : IEntityTypeConfiguration<DemandScore>
{
    public void Configure(EntityTypeBuilder<DemandScore> builder)
    {
        builder.HasKey(s => s.DemandId);
        builder.Property(s => s.DemandId).ValueGeneratedNever();
        builder.HasOne<Demand>().WithOne().HasForeignKey<DemandScore>(s => s.DemandId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ScoringGrid>().WithMany().HasForeignKey(s => s.GridId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.SimilarKey).HasMaxLength(20).IsUnicode(false);
        builder.HasIndex(s => new { s.SimilarKey, s.Total });
    }
}
