using CilPortal.Infrastructure.Data;
using CilPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Bailleur;

/// <summary>The bailleur agent's home: the figures of their own organisation and the way to each task.</summary>
public class IndexModel(CilPortalDbContext db, ParisClock clock) : BailleurPageModel
{
    public string BailleurName { get; private set; } = "";

    public int Residences { get; private set; }

    public int Dwellings { get; private set; }

    public int Vacant { get; private set; }

    public int ExaminationsThisYear { get; private set; }

    public int LeasesThisYear { get; private set; }

    public int Year { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Year = clock.Today.Year;
        var start = new DateOnly(Year, 1, 1);
        BailleurName = await db.Bailleurs.Where(b => b.Id == BailleurId).Select(b => b.Name).SingleAsync(cancellationToken);
        Residences = await db.Residences.CountAsync(r => r.BailleurId == BailleurId, cancellationToken);
        Dwellings = await db.Dwellings.CountAsync(d => d.Residence!.BailleurId == BailleurId, cancellationToken);
        Vacant = await db.Dwellings.CountAsync(d => d.Residence!.BailleurId == BailleurId && d.VacantSince != null, cancellationToken);
        ExaminationsThisYear = await db.CaleolExaminations.CountAsync(e => e.BailleurId == BailleurId && e.SessionDate >= start, cancellationToken);
        LeasesThisYear = await db.CaleolExaminations.Where(e => e.BailleurId == BailleurId)
            .SelectMany(e => e.Candidates).CountAsync(a => a.LeaseSignedOn >= start, cancellationToken);
    }
}
