using CilPortal.Domain.Stock;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Bailleur.Patrimoine;

/// <summary>One of the agent's residences and its dwellings; marks a dwelling vacant or let. Another bailleur's residence is 404.</summary>
public class ResidenceModel(CilPortalDbContext db, ParisClock clock) : BailleurPageModel
{
    public Residence Residence { get; private set; } = new();

    public string CommuneName { get; private set; } = "";

    public string? QpvName { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>Declares a dwelling vacant (to let) or let again.</summary>
    public async Task<IActionResult> OnPostVacancyAsync(int id, int dwellingId, bool vacant, CancellationToken cancellationToken)
    {
        var dwelling = await db.Dwellings.SingleOrDefaultAsync(d => d.Id == dwellingId && d.ResidenceId == id && d.Residence!.BailleurId == BailleurId, cancellationToken);
        if (dwelling is null)
        {
            return NotFound();
        }

        dwelling.VacantSince = vacant ? dwelling.VacantSince ?? clock.Today : null;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = vacant ? $"Le logement {dwelling.Reference} est déclaré vacant." : $"Le logement {dwelling.Reference} est déclaré loué.";
        return Redirect($"/gestion/bailleur/patrimoine/residences/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var residence = await db.Residences.AsNoTracking().Include(r => r.Dwellings.OrderBy(d => d.Reference))
            .SingleOrDefaultAsync(r => r.Id == id && r.BailleurId == BailleurId, cancellationToken);
        if (residence is null)
        {
            return false;
        }

        Residence = residence;
        CommuneName = await db.Communes.Where(c => c.InseeCode == residence.CommuneInseeCode).Select(c => c.Name).SingleAsync(cancellationToken);
        QpvName = residence.QpvCode is null ? null : await db.Qpvs.Where(q => q.Code == residence.QpvCode).Select(q => q.Name).SingleOrDefaultAsync(cancellationToken);
        return true;
    }
}
