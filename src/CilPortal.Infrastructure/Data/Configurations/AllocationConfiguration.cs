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
        builder.Property(a => a.DecisionReason).HasMaxLength(CaleolRules.ReasonMaxLength);
        builder.HasOne(a => a.Examination).WithMany(e => e.Candidates).HasForeignKey(a => a.ExaminationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Demand>().WithMany().HasForeignKey(a => a.DemandId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.LeaseSignedOn);
        builder.OwnsOne(a => a.Classification, classification =>
        {
            classification.Property(c => c.Year).HasColumnName("CiaYear");
            classification.Property(c => c.DwellingInQpv).HasColumnName("CiaDwellingInQpv");
            classification.Property(c => c.QpvCode).HasColumnName("CiaQpvCode").HasMaxLength(8).IsUnicode(false);
            classification.Property(c => c.ConsumptionUnits).HasColumnName("CiaConsumptionUnits");
            classification.Property(c => c.AnnualResources).HasColumnName("CiaAnnualResources");
            classification.Property(c => c.AnnualResourcesPerUnit).HasColumnName("CiaAnnualResourcesPerUnit");
            classification.Property(c => c.FirstQuartileThreshold).HasColumnName("CiaFirstQuartileThreshold");
            classification.Property(c => c.IsFirstQuartile).HasColumnName("CiaFirstQuartile");
            classification.Property(c => c.IsPriorityPublic).HasColumnName("CiaPriorityPublic");
            classification.Property(c => c.IsUrbanRenewalRehousing).HasColumnName("CiaUrbanRenewal");
            classification.Ignore(c => c.Objective);
            classification.Ignore(c => c.MeetsQuartileTarget);
        });
    }
}

internal sealed class CaleolExaminationConfiguration : IEntityTypeConfiguration<CaleolExamination>
{
    public void Configure(EntityTypeBuilder<CaleolExamination> builder)
    {
        builder.Property(e => e.FewerCandidatesReason).HasMaxLength(CaleolRules.ReasonMaxLength);
        builder.HasOne<Bailleur>().WithMany().HasForeignKey(e => e.BailleurId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Dwelling>().WithMany().HasForeignKey(e => e.DwellingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Reservataire>().WithMany().HasForeignKey(e => e.ReservataireId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.BailleurId, e.SessionDate });
        // One examination of a dwelling per session: a form sent twice cannot record it twice.
        builder.HasIndex(e => new { e.DwellingId, e.SessionDate }).IsUnique();
    }
}

internal sealed class CiaYearSettingsConfiguration : IEntityTypeConfiguration<CiaYearSettings>
{
    public void Configure(EntityTypeBuilder<CiaYearSettings> builder)
    {
        builder.HasKey(s => s.Year);
        builder.Property(s => s.Year).ValueGeneratedNever();
        builder.Property(s => s.FirstQuartileThreshold);
        builder.Property(s => s.ThresholdSource).HasMaxLength(300);
        builder.Property(s => s.OutsideQpvFirstQuartileTarget);
        builder.Property(s => s.InQpvOtherQuartilesTarget);
        builder.Property(s => s.PriorityPublicsTarget);
        builder.Ignore(s => s.Targets);
    }
}

internal sealed class CiaTargetOverrideConfiguration : IEntityTypeConfiguration<CiaTargetOverride>
{
    public void Configure(EntityTypeBuilder<CiaTargetOverride> builder)
    {
        builder.HasIndex(o => new { o.Year, o.ScopeKind, o.ScopeId }).IsUnique();
        builder.Ignore(o => o.Targets);
    }
}
