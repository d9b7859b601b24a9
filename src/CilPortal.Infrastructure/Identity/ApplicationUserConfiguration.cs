using CilPortal.Domain.Demands;
using CilPortal.Domain.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CilPortal.Infrastructure.Identity;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(150);
        builder.HasOne<Bailleur>().WithMany().HasForeignKey(u => u.BailleurId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Demand>().WithMany().HasForeignKey(u => u.LinkedDemandId).OnDelete(DeleteBehavior.SetNull);
    }
}
