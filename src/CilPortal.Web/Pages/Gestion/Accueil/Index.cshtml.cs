using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Accueil;

public class IndexModel(CilPortalDbContext db, TimeProvider clock) : PageModel
{
    public int ActiveDemands { get; private set; }

    public int RenewalsDue { get; private set; }

    public IReadOnlyList<string> Places { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var noticeLimit = today.AddMonths(DemandLifecycle.RenewalNoticeMonths);
        ActiveDemands = await db.Demands.CountAsync(d => d.Status == DemandStatus.Active, cancellationToken);
        RenewalsDue = await db.Demands.CountAsync(d => d.Status == DemandStatus.Active && d.ExpiresOn >= today && d.ExpiresOn < noticeLimit, cancellationToken);
        Places = await db.ReceptionPoints.OrderBy(r => r.Name).Select(r => r.Name).ToListAsync(cancellationToken);
    }
}
