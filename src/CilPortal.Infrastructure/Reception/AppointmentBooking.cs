using CilPortal.Infrastructure.Access;
using CilPortal.Domain.Appointments;
using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Email;
using CilPortal.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Infrastructure.Reception;

/// <param name="ReplacesToken">The cancel token of an appointment this one replaces: cancelled in the same save, and its request date kept for the PPGD indicator.</param>
public sealed record BookingRequest(int ReceptionPointId, DateTime StartsAt, InterviewReason Reason, string Name, string? Phone, string? Email, string? ReplacesToken = null);

/// <summary>The result of a booking: the appointment and its cancel token, or why it failed (in French).</summary>
public sealed record BookingResult(Appointment? Appointment, string? CancelToken, string? Error);

/// <summary>
/// Offers and books appointment slots. A booking takes a seat of the slot; the unique index on
/// (place, start, seat) makes two people taking the last place end with exactly one appointment.
/// The confirmation e-mail is saved with the appointment.
/// </summary>
public sealed class AppointmentBooking(CilPortalDbContext db, Outbox outbox, JobOptions options, ParisClock clock, TimeProvider time)
{
    /// <summary>How far ahead applicants can book.</summary>
    public const int BookingHorizonDays = 42;

    public async Task<IReadOnlyList<OfferedSlot>> OfferAsync(int receptionPointId, CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        var to = today.AddDays(BookingHorizonDays);
        var schedules = await db.AppointmentSchedules.AsNoTracking().Where(s => s.ReceptionPointId == receptionPointId).ToListAsync(cancellationToken);
        var closures = await db.ReceptionClosures.AsNoTracking().Where(c => c.ReceptionPointId == receptionPointId && c.To >= today).ToListAsync(cancellationToken);
        var from = today.ToDateTime(TimeOnly.MinValue);
        var until = to.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var booked = (await db.Appointments.AsNoTracking()
                .Where(a => a.ReceptionPointId == receptionPointId && a.Seat != null && a.StartsAt > from && a.StartsAt < until)
                .GroupBy(a => a.StartsAt).Select(g => new { g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(x => x.Key, x => x.Count);
        return AppointmentSlots.Offer(schedules, closures, today, to, clock.Now, booked);
    }

    public async Task<BookingResult> BookAsync(BookingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var slot = (await OfferAsync(request.ReceptionPointId, cancellationToken)).Cast<OfferedSlot?>().FirstOrDefault(s => s!.Value.StartsAt == request.StartsAt);
        if (slot is null)
        {
            return new BookingResult(null, null, "Ce créneau n'est pas proposé : choisissez-en un dans la liste.");
        }

        if (slot.Value.Remaining <= 0)
        {
            return new BookingResult(null, null, "Ce créneau vient d'être complet : choisissez-en un autre.");
        }

        var replaced = request.ReplacesToken is { Length: > 0 } replacesToken ? await FindAsync(replacesToken, cancellationToken) : null;
        if (replaced is not { Status: AppointmentStatus.Booked })
        {
            replaced = null;
        }

        var place = await db.ReceptionPoints.AsNoTracking().SingleAsync(r => r.Id == request.ReceptionPointId, cancellationToken);
        var replacedSeat = replaced?.Seat;
        for (var seat = 1; seat <= slot.Value.Capacity; seat++)
        {
            var token = UrlTokens.New();
            var appointment = new Appointment
            {
                ReceptionPointId = request.ReceptionPointId,
                StartsAt = request.StartsAt,
                Seat = seat,
                Reason = request.Reason,
                Name = request.Name,
                Phone = request.Phone,
                Email = request.Email,
                RequestedAt = replaced?.RequestedAt ?? time.GetUtcNow(),
                CancelTokenHash = UrlTokens.Hash(token),
            };
            db.Appointments.Add(appointment);
            if (replaced is not null)
            {
                replaced.Status = AppointmentStatus.Cancelled;
                replaced.Seat = null;
            }

            OutboxMessage? message = null;
            if (request.Email is { } email)
            {
                message = outbox.Enqueue(EmailTemplates.AppointmentConfirmation(email, place.Name, place.Address, request.StartsAt, CancelUrl(token), options.EpciName));
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new BookingResult(appointment, token, null);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                // The seat was taken meanwhile: forget this attempt (appointment and e-mail) and try the next seat.
                db.Entry(appointment).State = EntityState.Detached;
                if (message is not null)
                {
                    db.Entry(message).State = EntityState.Detached;
                }
            }
        }

        if (replaced is not null)
        {
            // Nothing booked: the appointment being replaced stays as it was.
            replaced.Status = AppointmentStatus.Booked;
            replaced.Seat = replacedSeat;
        }

        return new BookingResult(null, null, "Ce créneau vient d'être complet : choisissez-en un autre.");
    }

    public async Task<Appointment?> FindAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = UrlTokens.Hash(token);
        return await db.Appointments.SingleOrDefaultAsync(a => a.CancelTokenHash == hash, cancellationToken);
    }

    /// <summary>Cancels a booked appointment that has not started; its seat is given back.</summary>
    public async Task<bool> CancelAsync(string token, CancellationToken cancellationToken = default)
    {
        var appointment = await FindAsync(token, cancellationToken);
        if (appointment is not { Status: AppointmentStatus.Booked } || appointment.StartsAt <= clock.Now)
        {
            return false;
        }

        appointment.Status = AppointmentStatus.Cancelled;
        appointment.Seat = null;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public string CancelUrl(string token) => $"{options.PublicUrl.TrimEnd('/')}/rendez-vous/annuler/{token}";

}

/// <summary>Writes a reminder the day before (or at the next run for a late booking) for every booked appointment with an e-mail; once each.</summary>
public sealed class AppointmentReminderJob(CilPortalDbContext db, Outbox outbox, JobOptions options, TimeProvider time)
{
    /// <param name="now">Local time of the run; appointments not started yet, up to the end of tomorrow, are reminded once.</param>
    public async Task<int> RunAsync(DateOnly today, DateTime? now = null, CancellationToken cancellationToken = default)
    {
        var from = now ?? today.ToDateTime(TimeOnly.MinValue);
        var until = today.AddDays(2).ToDateTime(TimeOnly.MinValue);
        var due = await db.Appointments
            .Where(a => a.Status == AppointmentStatus.Booked && a.Email != null && a.ReminderSentAt == null && a.StartsAt > from && a.StartsAt < until)
            .ToListAsync(cancellationToken);
        var places = await db.ReceptionPoints.AsNoTracking().ToDictionaryAsync(r => r.Id, cancellationToken);
        foreach (var appointment in due)
        {
            var place = places[appointment.ReceptionPointId];
            outbox.Enqueue(EmailTemplates.AppointmentReminder(appointment.Email!, place.Name, place.Address, appointment.StartsAt, $"{options.PublicUrl.TrimEnd('/')}/rendez-vous", options.EpciName));
            appointment.ReminderSentAt = time.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }
}
