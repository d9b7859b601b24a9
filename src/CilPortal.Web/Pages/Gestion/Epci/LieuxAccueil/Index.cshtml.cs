using CilPortal.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Epci.LieuxAccueil;

public sealed record PlaceLine(int Id, string Name, string CommuneName);

public class IndexModel(CilPortalDbContext db) : PageModel
{
    public IReadOnlyList<PlaceLine> Places { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Places = await db.ReceptionPoints
            .OrderBy(r => r.Name)
            .Join(db.Communes, r => r.CommuneInseeCode, c => c.InseeCode, (r, c) => new PlaceLine(r.Id, r.Name, c.Name))
            .ToListAsync(cancellationToken);
}
