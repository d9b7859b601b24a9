using CilPortal.Domain.Scoring;
using CilPortal.Infrastructure.Scoring;
using CilPortal.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CilPortal.Web.Pages.Cotation;

/// <summary>The public page of the cotation grid in force, generated from the grid itself so it cannot drift from the rules.</summary>
public class IndexModel(ScoringService scoring, ParisClock clock) : PageModel
{
    public ScoringGrid? Grid { get; private set; }

    /// <summary>A grid already published that takes effect later, announced in advance.</summary>
    public ScoringGrid? Next { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var published = await scoring.PublishedGridsAsync(cancellationToken);
        Grid = ScoringGrid.InForce(published, today);
        Next = published.Where(g => g.EffectiveFrom > today).OrderBy(g => g.EffectiveFrom).FirstOrDefault();
    }
}
