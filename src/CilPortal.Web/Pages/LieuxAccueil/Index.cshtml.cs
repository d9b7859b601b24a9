using CilPortal.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.LieuxAccueil;

public sealed record ReceptionPointSummary(string Name, string Address, string PostalCode, string CommuneName, bool IsRegistrationDesk, string? OpeningHours, string? Phone);

public class IndexModel(CilPortalDbContext db) : PageModel
{
    public IReadOnlyList<ReceptionPointSummary> Places { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Places = await db.ReceptionPoints
            .Join(db.Communes, r => r.CommuneInseeCode, c => c.InseeCode, (r, c) => new { r, c.Name })
            .OrderBy(x => x.Name).ThenBy(x => x.r.Name)
            .Select(x => new ReceptionPointSummary(x.r.Name, x.r.Address, x.r.PostalCode, x.Name, x.r.IsRegistrationDesk, x.r.OpeningHours, x.r.Phone))
            .ToListAsync(cancellationToken);
}
