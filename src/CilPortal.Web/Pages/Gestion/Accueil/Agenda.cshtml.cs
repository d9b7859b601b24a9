using System.Globalization;
using CilPortal.Domain.Appointments;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Accueil;

/// <summary>The appointments of the agent's reception points: a week at a glance, a day in detail, and attendance.</summary>
public class AgendaModel(CilPortalDbContext db, CilPortal.Infrastructure.Reception.ReceptionAgentPlaces agentPlaces, ParisClock clock, CilPortal.Infrastructure.Email.Outbox outbox, CilPortal.Infrastructure.Email.JobOptions options) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "lieu")]
    public int? PlaceId { get; set; }

    [BindProperty(SupportsGet = true, Name = "jour")]
    public DateOnly? Day { get; set; }

    public IReadOnlyList<(int Id, string Name)> Places { get; private set; } = [];

    public IReadOnlyList<Appointment> Appointments { get; private set; } = [];

    public IReadOnlyList<(DateOnly Day, int Booked)> Week { get; private set; } = [];

    public DateOnly Shown => Day ?? clock.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Day is { } day && Math.Abs(day.DayNumber - clock.Today.DayNumber) > 3 * 366)
        {
            ModelState.AddModelError("jour", "Choisissez un jour dans les trois ans autour d'aujourd'hui.");
            Day = null;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostPresenceAsync(int id, AppointmentStatus status, CancellationToken cancellationToken)
    {
        await LoadPlacesAsync(cancellationToken);
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (appointment is null || !Places.Any(p => p.Id == appointment.ReceptionPointId) || status is not (AppointmentStatus.Attended or AppointmentStatus.Absent or AppointmentStatus.Cancelled))
        {
            return NotFound();
        }

        // Only a booked appointment changes, and presence is noted from its day on.
        var refusal = appointment.Status != AppointmentStatus.Booked
            ? "Ce rendez-vous n'est plus réservé : son état ne change plus."
            : status != AppointmentStatus.Cancelled && DateOnly.FromDateTime(appointment.StartsAt) > clock.Today
                ? "La présence se note le jour du rendez-vous."
                : null;
        if (refusal is not null)
        {
            TempData["Message"] = refusal;
            return Redirect($"/gestion/accueil/agenda?lieu={appointment.ReceptionPointId}&jour={DateOnly.FromDateTime(appointment.StartsAt):yyyy-MM-dd}");
        }

        appointment.Status = status;
        if (status == AppointmentStatus.Cancelled)
        {
            appointment.Seat = null;
            if (appointment.Email is { } email)
            {
                // The applicant is told in the same save, with a link to book again.
                var place = Places.Single(p => p.Id == appointment.ReceptionPointId).Name;
                outbox.Enqueue(CilPortal.Infrastructure.Email.EmailTemplates.AppointmentCancelledByDesk(email, place, appointment.StartsAt, $"{options.PublicUrl.TrimEnd('/')}/rendez-vous?lieu={appointment.ReceptionPointId}", options.EpciName));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"{appointment.Name} : {Label(status).ToLower(CultureInfo.GetCultureInfo("fr-FR"))}.";
        return Redirect($"/gestion/accueil/agenda?lieu={appointment.ReceptionPointId}&jour={DateOnly.FromDateTime(appointment.StartsAt):yyyy-MM-dd}");
    }

    public static string Label(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Booked => "Réservé",
        AppointmentStatus.Cancelled => "Annulé",
        AppointmentStatus.Attended => "Venu",
        _ => "Absent",
    };

    private async Task LoadPlacesAsync(CancellationToken cancellationToken)
    {
        Places = await agentPlaces.ForAsync(User, cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await LoadPlacesAsync(cancellationToken);
        if (PlaceId is null || !Places.Any(p => p.Id == PlaceId))
        {
            PlaceId = Places.Count > 0 ? Places[0].Id : null;
        }

        if (PlaceId is not { } place)
        {
            return;
        }

        var monday = Shown.AddDays(-(((int)Shown.DayOfWeek + 6) % 7));
        var weekStart = monday.ToDateTime(TimeOnly.MinValue);
        var weekEnd = monday.AddDays(7).ToDateTime(TimeOnly.MinValue);
        var week = await db.Appointments.AsNoTracking()
            .Where(a => a.ReceptionPointId == place && a.StartsAt >= weekStart && a.StartsAt < weekEnd)
            .OrderBy(a => a.StartsAt).ThenBy(a => a.Seat)
            .ToListAsync(cancellationToken);
        Week = [.. Enumerable.Range(0, 7).Select(i => monday.AddDays(i)).Select(d => (d, week.Count(a => DateOnly.FromDateTime(a.StartsAt) == d && a.Status != AppointmentStatus.Cancelled)))];
        Appointments = [.. week.Where(a => DateOnly.FromDateTime(a.StartsAt) == Shown)];
    }
}
