using CilPortal.Domain.Scoring;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Epci.Cotation;

/// <summary>The versions of the cotation grid, and the start of a new draft from the latest version.</summary>
public class IndexModel(CilPortalDbContext db, ParisClock clock, TimeProvider time) : PageModel
{
    public sealed record VersionRow(int Id, int Version, string Title, string State, DateOnly? EffectiveFrom, bool IsDraft);

    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var grids = await db.ScoringGrids.AsNoTracking().OrderByDescending(g => g.Version).ToListAsync(cancellationToken);
        var today = clock.Today;
        var inForce = ScoringGrid.InForce(grids, today);
        Versions = [.. grids.Select(g => new VersionRow(g.Id, g.Version, g.Title, State(g, inForce, today), g.EffectiveFrom, !g.IsPublished))];
    }

    /// <summary>Starts a draft from the latest version (only one draft at a time: an existing one is opened instead).</summary>
    public async Task<IActionResult> OnPostDraftAsync(CancellationToken cancellationToken)
    {
        var existing = await db.ScoringGrids.AsNoTracking().Where(g => g.Status == ScoringGridStatus.Draft).Select(g => (int?)g.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            TempData["Message"] = "Un brouillon est déjà en cours : le voici.";
            return RedirectToPage("Edit", new { id });
        }

        var latest = await db.ScoringGrids.AsNoTracking().Include(g => g.Criteria).Include(g => g.Caps).AsSplitQuery()
            .OrderByDescending(g => g.Version).FirstOrDefaultAsync(cancellationToken);
        var now = time.GetUtcNow();
        var draft = latest is null ? ExampleGrid.Create(clock.Today, now).CopyAsDraft(1, now) : latest.CopyAsDraft(latest.Version + 1, now);
        db.ScoringGrids.Add(draft);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two clicks (or two administrators) at once: the other request created the draft; open it.
            db.ChangeTracker.Clear();
            var other = await db.ScoringGrids.AsNoTracking().Where(g => g.Status == ScoringGridStatus.Draft).Select(g => (int?)g.Id).FirstOrDefaultAsync(cancellationToken);
            if (other is null)
            {
                throw;
            }

            TempData["Message"] = "Un brouillon est déjà en cours : le voici.";
            return RedirectToPage("Edit", new { id = other });
        }

        TempData["Message"] = $"Brouillon de la version {draft.Version} créé à partir de la dernière version.";
        return RedirectToPage("Edit", new { id = draft.Id });
    }

    private static string State(ScoringGrid grid, ScoringGrid? inForce, DateOnly today) => grid switch
    {
        { IsPublished: false } => "Brouillon",
        _ when grid.Id == inForce?.Id => "En vigueur",
        _ when grid.EffectiveFrom > today => "Publiée, à venir",
        _ => "Remplacée",
    };
}
