using CilPortal.Domain.Stock;
using CilPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Bailleur.Patrimoine;

public sealed record ResidenceLine(int Id, string Name, string CommuneName, string? QpvCode, QpvLocation QpvLocatedBy, int Dwellings, int Vacant);

/// <summary>The agent's residences, by commune: QPV (and how it was found), dwellings, vacancies.</summary>
public class IndexModel(CilPortalDbContext db) : BailleurPageModel
{
    public IReadOnlyList<ResidenceLine> Residences { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Residences = await db.Residences
            .Where(r => r.BailleurId == BailleurId)
            .Join(db.Communes, r => r.CommuneInseeCode, c => c.InseeCode, (r, c) => new { r, CommuneName = c.Name })
            .OrderBy(x => x.CommuneName).ThenBy(x => x.r.Name)
            .Select(x => new ResidenceLine(x.r.Id, x.r.Name, x.CommuneName, x.r.QpvCode, x.r.QpvLocatedBy, x.r.Dwellings.Count, x.r.Dwellings.Count(d => d.VacantSince != null)))
            .ToListAsync(cancellationToken);
    }
}
