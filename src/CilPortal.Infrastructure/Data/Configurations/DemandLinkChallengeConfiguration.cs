using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Access;
using CilPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CilPortal.Infrastructure.Data.Configurations;

internal sealed class DemandLinkChallengeConfiguration : IEntityTypeConfiguration<DemandLinkChallenge>
{
    public void Configure(EntityTypeBuilder<DemandLinkChallenge> builder)
    {
        builder.Property(c => c.CodeHash).HasMaxLength(200).IsUnicode(false);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        // ClientSetNull: a second cascade path from Demands (through AspNetUsers) would be refused by SQL Server.
        builder.HasOne<Demand>().WithMany().HasForeignKey(c => c.DemandId).OnDelete(DeleteBehavior.ClientSetNull);
        builder.HasIndex(c => new { c.UserId, c.ExpiresAt });
    }
}
