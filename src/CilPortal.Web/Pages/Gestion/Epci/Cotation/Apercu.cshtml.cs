using System.ComponentModel.DataAnnotations;
using CilPortal.Domain.Scoring;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Scoring;
using CilPortal.Infrastructure.Time;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Epci.Cotation;

/// <summary>
/// What publishing a draft would change for today's active demands (distributions, the demands that move
/// most, rank changes per typology), and the publication itself with an effective date.
/// </summary>
public class ApercuModel(CilPortalDbContext db, ScoringService scoring, ParisClock clock, TimeProvider time, ILogger<ApercuModel> logger) : PageModel
{
    public ScoringGrid Draft { get; private set; } = new();

    public ScoringGrid? InForce { get; private set; }

    public GridComparisonResult? Comparison { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    [BindProperty]
    [Display(Name = "date d'effet")]
    [Required(ErrorMessage = "Indiquez la date à partir de laquelle la grille s'applique.")]
    public DateOnly? EffectiveFrom { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var found = await PrepareAsync(id, compare: true, cancellationToken);
        EffectiveFrom ??= clock.Today;
        return found;
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        // Publishing only checks the draft: the comparison was read on the preview, and everything is recomputed below.
        var found = await PrepareAsync(id, compare: false, cancellationToken);
        if (found is not PageResult)
        {
            return found;
        }

        var today = clock.Today;
        if (EffectiveFrom is { } on && on < today)
        {
            ModelState.AddModelError(nameof(EffectiveFrom), "La date d'effet ne peut pas être passée : les scores déjà calculés ne changent pas.");
        }

        foreach (var problem in Problems)
        {
            ModelState.AddModelError(string.Empty, problem);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var draft = await db.ScoringGrids.SingleAsync(g => g.Id == id, cancellationToken);
        draft.Status = ScoringGridStatus.Published;
        draft.EffectiveFrom = EffectiveFrom;
        draft.PublishedAt = time.GetUtcNow();
        draft.PublishedBy = User.Identity?.Name;
        draft.IsExample = false;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Grille de cotation version {Version} publiée par {User}, en vigueur le {EffectiveFrom}.", draft.Version, User.Identity?.Name, draft.EffectiveFrom);

        if (draft.EffectiveFrom <= today)
        {
            await scoring.RecomputeAllAsync(today, cancellationToken);
            TempData["Message"] = $"La version {draft.Version} est publiée et en vigueur : la cotation de toutes les demandes actives est recalculée.";
        }
        else
        {
            TempData["Message"] = $"La version {draft.Version} est publiée ; elle s'appliquera à partir du {FrenchFormat.Date(draft.EffectiveFrom!.Value)}.";
        }

        return RedirectToPage("Index");
    }

    private async Task<IActionResult> PrepareAsync(int id, bool compare, CancellationToken cancellationToken)
    {
        var draft = await db.ScoringGrids.AsNoTracking().Include(g => g.Criteria).Include(g => g.Caps).AsSplitQuery().SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (draft is null)
        {
            return NotFound();
        }

        if (draft.IsPublished)
        {
            TempData["Message"] = $"La version {draft.Version} est déjà publiée.";
            return RedirectToPage("Edit", new { id });
        }

        Draft = draft;
        Problems = draft.Validate();
        var today = clock.Today;
        InForce = await scoring.InForceAsync(today, cancellationToken);
        if (compare && Problems.Count == 0)
        {
            var subjects = await scoring.SubjectsAsync(today, cancellationToken);
            var before = InForce is null ? null : new ScoreCalculator(InForce);
            var after = new ScoreCalculator(draft);
            Comparison = GridComparison.Compare([.. subjects.Select(s => new ComparedDemand(
                s.DemandId, s.Nur, s.SimilarKey, s.Facts.FiledOn,
                before?.Compute(s.Facts, today).Total ?? 0,
                after.Compute(s.Facts, today).Total))]);
        }

        return Page();
    }
}
