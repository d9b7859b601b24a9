using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Data;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages;

public sealed record TerritoryFigures(int Communes, int Qpvs, int ReceptionPoints, int Dwellings, int ActiveDemands, int LeasesLastYear);

public class IndexModel(CilPortalDbContext db, BrandingOptions branding, ParisClock clock) : PageModel
{
    public string EpciName => branding.EpciName;

    public TerritoryFigures Figures { get; private set; } = new(0, 0, 0, 0, 0, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var yearAgo = today.AddYears(-1);
        Figures = new TerritoryFigures(
            await db.Communes.CountAsync(cancellationToken),
            await db.Qpvs.CountAsync(cancellationToken),
            await db.ReceptionPoints.CountAsync(cancellationToken),
            await db.Dwellings.CountAsync(cancellationToken),
            await db.Demands.ActiveOn(today).CountAsync(cancellationToken),
            await db.Allocations.CountAsync(a => a.LeaseSignedOn >= yearAgo, cancellationToken));
    }
}
