using CilPortal.Domain.Demands;
using CilPortal.Domain.Partners;
using CilPortal.Infrastructure.Identity;
using CilPortal.Infrastructure.Reception;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CilPortal.Infrastructure.Data.Configurations;

internal sealed class InterviewConfiguration : IEntityTypeConfiguration<Interview>
{
    public void Configure(EntityTypeBuilder<Interview> builder)
    {
        builder.HasOne<Demand>().WithMany().HasForeignKey(i => i.DemandId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ReceptionPoint>().WithMany().HasForeignKey(i => i.ReceptionPointId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.Outcome).HasMaxLength(1000);
        builder.Property(i => i.Notes).HasMaxLength(2000);
        builder.Property(i => i.RecordedBy).HasMaxLength(256);
        builder.HasIndex(i => new { i.DemandId, i.HeldOn });
    }
}

internal sealed class ReceptionAgentAssignmentConfiguration : IEntityTypeConfiguration<ReceptionAgentAssignment>
{
    public void Configure(EntityTypeBuilder<ReceptionAgentAssignment> builder)
    {
        builder.HasKey(a => new { a.UserId, a.ReceptionPointId });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        // Restrict: a reception point reaches users through demands already (SQL Server refuses two cascading paths).
        builder.HasOne<ReceptionPoint>().WithMany().HasForeignKey(a => a.ReceptionPointId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DemandAccessLogConfiguration : IEntityTypeConfiguration<DemandAccessLog>
{
    public void Configure(EntityTypeBuilder<DemandAccessLog> builder)
    {
        builder.Property(l => l.UserName).HasMaxLength(256);
        builder.Property(l => l.Action).HasMaxLength(50).IsUnicode(false);
        builder.HasIndex(l => new { l.DemandId, l.At });

        // No foreign key: the log outlives the demand it mentions.
    }
}

internal sealed class DemandDocumentConfiguration : IEntityTypeConfiguration<DemandDocument>
{
    public void Configure(EntityTypeBuilder<DemandDocument> builder)
    {
        builder.HasKey(d => new { d.DemandId, d.Kind });
        builder.HasOne<Demand>().WithMany().HasForeignKey(d => d.DemandId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.RecordedBy).HasMaxLength(256);
    }
}
