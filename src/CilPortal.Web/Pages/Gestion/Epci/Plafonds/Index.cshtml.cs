using CilPortal.Domain.Eligibility;
using CilPortal.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Epci.Plafonds;

/// <summary>The yearly income-ceiling scales of the zones of the EPCI's communes, latest first.</summary>
public class IndexModel(CilPortalDbContext db) : PageModel
{
    public IReadOnlyList<IncomeCeilingScale> Scales { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var zones = await db.Communes.Select(c => c.IncomeCeilingZone).Distinct().ToListAsync(cancellationToken);
        Scales = await db.IncomeCeilingScales.AsNoTracking()
            .Where(s => zones.Contains(s.Zone))
            .OrderByDescending(s => s.EffectiveFrom).ThenBy(s => s.Financing).ThenBy(s => s.Zone)
            .ToListAsync(cancellationToken);
    }
}
