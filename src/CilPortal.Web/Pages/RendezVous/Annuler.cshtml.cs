using CilPortal.Domain.Appointments;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Reception;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.RendezVous;

/// <summary>An appointment reached by the unguessable link of its confirmation: see it, cancel it, or change it.</summary>
[EnableRateLimiting(RateLimits.PublicForm)]
public class AnnulerModel(CilPortalDbContext db, AppointmentBooking booking, ParisClock clock) : PageModel
{
    public Appointment? Appointment { get; private set; }

    public CilPortal.Domain.Partners.ReceptionPoint? Place { get; private set; }

    public bool JustBooked { get; private set; }

    public bool CanCancel => Appointment is { Status: AppointmentStatus.Booked } a && a.StartsAt > clock.Now;

    public async Task OnGetAsync(string jeton, int? confirme, CancellationToken cancellationToken)
    {
        JustBooked = confirme == 1;
        await LoadAsync(jeton, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string jeton, CancellationToken cancellationToken)
    {
        var cancelled = await booking.CancelAsync(jeton, cancellationToken);
        await LoadAsync(jeton, cancellationToken);
        TempData["Message"] = cancelled ? "Votre rendez-vous est annulé. Merci d'avoir libéré la place." : "Ce rendez-vous ne peut plus être annulé.";
        return Page();
    }

    /// <summary>Change: choose another slot at the same place for the same reason; the old one is cancelled once the new one is booked.</summary>
    public async Task<IActionResult> OnPostChangerAsync(string jeton, CancellationToken cancellationToken)
    {
        await LoadAsync(jeton, cancellationToken);
        if (Appointment is null || !CanCancel)
        {
            return Page();
        }

        // The current appointment is kept until a new one is booked (see the booking page's "remplace").
        return Redirect($"/rendez-vous?lieu={Appointment.ReceptionPointId}&motif={Appointment.Reason}&remplace={Uri.EscapeDataString(jeton)}");
    }

    private async Task LoadAsync(string token, CancellationToken cancellationToken)
    {
        Appointment = await booking.FindAsync(token, cancellationToken);
        Place = Appointment is null ? null : await db.ReceptionPoints.AsNoTracking().SingleAsync(r => r.Id == Appointment.ReceptionPointId, cancellationToken);
    }
}
