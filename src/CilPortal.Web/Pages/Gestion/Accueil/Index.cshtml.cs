using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Data;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Accueil;

public class IndexModel(CilPortalDbContext db, ParisClock clock, CilPortal.Infrastructure.Demands.DemandRegistrationOptions registration) : PageModel
{
    /// <summary>Whether demands are registered at the desks of this portal (the territory's shared file).</summary>
    public bool DeskRegistration => registration.Enabled;

    public int ActiveDemands { get; private set; }

    public int RenewalsDue { get; private set; }

    public IReadOnlyList<string> Places { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var noticeLimit = today.AddMonths(DemandLifecycle.RenewalNoticeMonths);
        ActiveDemands = await db.Demands.ActiveOn(today).CountAsync(cancellationToken);
        RenewalsDue = await db.Demands.ActiveOn(today).CountAsync(d => d.ExpiresOn < noticeLimit, cancellationToken);
        Places = await db.ReceptionPoints.OrderBy(r => r.Name).Select(r => r.Name).ToListAsync(cancellationToken);
    }
}
