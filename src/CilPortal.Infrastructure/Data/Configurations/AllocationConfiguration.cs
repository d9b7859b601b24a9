using CilPortal.Domain.Allocations;
using CilPortal.Domain.Demands;
using CilPortal.Domain.Partners;
using CilPortal.Domain.Stock;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CilPortal.Infrastructure.Data.Configurations;

internal sealed class AllocationConfiguration : IEntityTypeConfiguration<Allocation>
{
    public void Configure(EntityTypeBuilder<Allocation> builder)
    {
        builder.Property(a => a.DecisionReason).HasMaxLength(1000);
        builder.HasOne<Dwelling>().WithMany().HasForeignKey(a => a.DwellingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Demand>().WithMany().HasForeignKey(a => a.DemandId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Reservataire>().WithMany().HasForeignKey(a => a.ReservataireId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.LeaseSignedOn);
    }
}
