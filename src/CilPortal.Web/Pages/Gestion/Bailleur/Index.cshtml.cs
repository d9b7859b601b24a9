using CilPortal.Infrastructure.Data;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Bailleur;

public sealed record ResidenceLine(string Name, string CommuneName, string? QpvCode, int Dwellings);

/// <summary>A bailleur agent's own stock: every query is filtered by the bailleur of the signed-in agent.</summary>
public class IndexModel(CilPortalDbContext db, ParisClock clock) : PageModel
{
    public string BailleurName { get; private set; } = "";

    public IReadOnlyList<ResidenceLine> Residences { get; private set; } = [];

    public int Leases { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.GetBailleurId() is not { } bailleurId)
        {
            return Forbid();
        }

        BailleurName = await db.Bailleurs.Where(b => b.Id == bailleurId).Select(b => b.Name).SingleAsync(cancellationToken);
        Residences = await db.Residences
            .Where(r => r.BailleurId == bailleurId)
            .Join(db.Communes, r => r.CommuneInseeCode, c => c.InseeCode, (r, c) => new { r, CommuneName = c.Name })
            .OrderBy(x => x.CommuneName).ThenBy(x => x.r.Name)
            .Select(x => new ResidenceLine(x.r.Name, x.CommuneName, x.r.QpvCode, x.r.Dwellings.Count))
            .ToListAsync(cancellationToken);
        var threeYearsAgo = clock.Today.AddYears(-3);
        Leases = await db.Allocations
            .Where(a => a.LeaseSignedOn != null && a.LeaseSignedOn > threeYearsAgo)
            .Join(db.Dwellings, a => a.DwellingId, d => d.Id, (a, d) => d.ResidenceId)
            .Join(db.Residences, residenceId => residenceId, r => r.Id, (_, r) => r.BailleurId)
            .CountAsync(b => b == bailleurId, cancellationToken);
        return Page();
    }
}
