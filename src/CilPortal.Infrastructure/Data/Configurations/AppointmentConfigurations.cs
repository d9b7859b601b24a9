using CilPortal.Domain.Appointments;
using CilPortal.Domain.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CilPortal.Infrastructure.Data.Configurations;

internal sealed class AppointmentScheduleConfiguration : IEntityTypeConfiguration<AppointmentSchedule>
{
    public void Configure(EntityTypeBuilder<AppointmentSchedule> builder)
    {
        builder.HasOne<ReceptionPoint>().WithMany().HasForeignKey(s => s.ReceptionPointId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.ReceptionPointId, s.Day });
    }
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.HasOne<ReceptionPoint>().WithMany().HasForeignKey(a => a.ReceptionPointId).OnDelete(DeleteBehavior.Restrict);

        // The guard against overbooking, even under concurrency: one row per seat of a slot.
        builder.HasIndex(a => new { a.ReceptionPointId, a.StartsAt, a.Seat }).IsUnique();
        builder.HasIndex(a => a.CancelTokenHash).IsUnique();
        builder.Property(a => a.Name).HasMaxLength(150);
        builder.Property(a => a.Phone).HasMaxLength(20).IsUnicode(false);
        builder.Property(a => a.Email).HasMaxLength(254);
        builder.Property(a => a.CancelTokenHash).HasMaxLength(64).IsUnicode(false);
    }
}
