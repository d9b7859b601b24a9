using CilPortal.Domain.Commission;
using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Commission;
using CilPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CilPortal.Infrastructure.Data.Configurations;

internal sealed class CoordinationCaseConfiguration : IEntityTypeConfiguration<CoordinationCase>
{
    public void Configure(EntityTypeBuilder<CoordinationCase> builder)
    {
        // Restrict: the commission's record is kept; a demand with a case is not deleted silently.
        builder.HasOne<Demand>().WithMany().HasForeignKey(c => c.DemandId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.ReferringBody).HasMaxLength(CommissionRules.ReferringBodyMaxLength);
        builder.Property(c => c.OpenedBy).HasMaxLength(256);
        builder.Property(c => c.ClosingNote).HasMaxLength(CommissionRules.TextMaxLength);
        builder.HasMany(c => c.Documents).WithOne().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Actions).WithOne().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Decisions).WithOne().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.Status, c.OpenedOn });
        builder.HasIndex(c => c.DemandId);
    }
}

internal sealed class CaseDocumentConfiguration : IEntityTypeConfiguration<CaseDocument>
{
    public void Configure(EntityTypeBuilder<CaseDocument> builder)
    {
        builder.Property(d => d.Label).HasMaxLength(CommissionRules.LabelMaxLength);
    }
}

internal sealed class CommissionSessionConfiguration : IEntityTypeConfiguration<CommissionSession>
{
    public void Configure(EntityTypeBuilder<CommissionSession> builder)
    {
        // A primitive collection: stored as a JSON array of names in one column.
        builder.PrimitiveCollection(s => s.Attendees);
        builder.Property(s => s.RecordedBy).HasMaxLength(256);
        builder.HasMany(s => s.Decisions).WithOne(d => d.Session).HasForeignKey(d => d.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.HeldOn);
    }
}

internal sealed class CaseDecisionConfiguration : IEntityTypeConfiguration<CaseDecision>
{
    public void Configure(EntityTypeBuilder<CaseDecision> builder)
    {
        builder.Property(d => d.Text).HasMaxLength(CommissionRules.TextMaxLength);
        // A session decides once about each case it examines.
        builder.HasIndex(d => new { d.SessionId, d.CaseId }).IsUnique();
        builder.HasIndex(d => d.CaseId);
    }
}

internal sealed class CaseActionConfiguration : IEntityTypeConfiguration<CaseAction>
{
    public void Configure(EntityTypeBuilder<CaseAction> builder)
    {
        builder.Property(a => a.Description).HasMaxLength(CommissionRules.TextMaxLength);
        builder.Property(a => a.OwnerName).HasMaxLength(CommissionRules.OwnerMaxLength);
        builder.Property(a => a.DoneBy).HasMaxLength(256);
        // The owner's name stays written when the account goes.
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.OwnerUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => new { a.CaseId, a.DueOn });
    }
}

internal sealed class CaseInvitationConfiguration : IEntityTypeConfiguration<CaseInvitation>
{
    public void Configure(EntityTypeBuilder<CaseInvitation> builder)
    {
        builder.HasKey(i => new { i.CaseId, i.UserId });
        builder.HasOne<CoordinationCase>().WithMany().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.InvitedBy).HasMaxLength(256);
        builder.HasIndex(i => i.UserId);
    }
}
