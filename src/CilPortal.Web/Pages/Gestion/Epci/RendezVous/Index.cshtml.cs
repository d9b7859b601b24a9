using CilPortal.Domain.Appointments;
using CilPortal.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Epci.RendezVous;

/// <summary>The PPGD indicator: delay between the request of an appointment and the appointment, per place and month.</summary>
public class IndexModel(CilPortalDbContext db, IConfiguration configuration) : PageModel
{
    public int PromiseDays { get; private set; }

    public IReadOnlyList<AppointmentDelayLine> Lines { get; private set; } = [];

    public IReadOnlyDictionary<int, string> Places { get; private set; } = new Dictionary<int, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PromiseDays = configuration.GetValue("Appointments:PromiseDays", 30);
        Places = await db.ReceptionPoints.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => a.Status != AppointmentStatus.Cancelled)
            .Select(a => new { a.ReceptionPointId, a.RequestedAt, a.StartsAt })
            .ToListAsync(cancellationToken);
        Lines = AppointmentDelays.Summarise(rows.Select(r => (r.ReceptionPointId, TimeZoneInfo.ConvertTime(r.RequestedAt, ParisClock.Paris).DateTime, r.StartsAt)), PromiseDays);
    }
}
