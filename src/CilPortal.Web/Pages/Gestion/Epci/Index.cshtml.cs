using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Statistics;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Epci;

public sealed record QpvLine(string Code, string Name, string CommuneName, int? Population);

public class IndexModel(CilPortalDbContext db, CommuneNames communeNames) : PageModel
{
    public string EpciName { get; private set; } = "";

    public string EpciSiren { get; private set; } = "";

    public IReadOnlyList<string> Communes { get; private set; } = [];

    public IReadOnlyList<QpvLine> Qpvs { get; private set; } = [];

    public IReadOnlyList<string> Bailleurs { get; private set; } = [];

    public int ReservataireCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var epci = await db.Epcis.AsNoTracking().SingleAsync(cancellationToken);
        EpciName = epci.Name;
        EpciSiren = epci.Siren;
        Communes = [.. (await communeNames.InFrenchOrderAsync(cancellationToken)).Select(c => c.Name)];
        Qpvs = await db.Qpvs.OrderBy(q => q.Code).Select(q => new QpvLine(q.Code, q.Name, q.Commune!.Name, q.Population)).ToListAsync(cancellationToken);
        Bailleurs = await db.Bailleurs.OrderBy(b => b.Name).Select(b => b.Name).ToListAsync(cancellationToken);
        ReservataireCount = await db.Reservataires.CountAsync(cancellationToken);
    }
}
