using CilPortal.Domain.Eligibility;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CilPortal.Infrastructure.Data.Configurations;

internal sealed class IncomeCeilingScaleConfiguration : IEntityTypeConfiguration<IncomeCeilingScale>
{
    public void Configure(EntityTypeBuilder<IncomeCeilingScale> builder)
    {
        builder.HasIndex(s => new { s.Financing, s.Zone, s.EffectiveFrom }).IsUnique();
        builder.Property(s => s.Reference).HasMaxLength(300);
        builder.Ignore(s => s.Year);
    }
}
