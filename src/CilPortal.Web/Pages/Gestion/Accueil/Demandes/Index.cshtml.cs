using CilPortal.Infrastructure.Reception;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CilPortal.Web.Pages.Gestion.Accueil.Demandes;

/// <summary>A demand as the desk sees it. Opening it needs a purpose, and every opening is logged.</summary>
public class IndexModel(StaffDemandQuery demands, DemandAccessAudit audit, CilPortal.Infrastructure.Time.ParisClock clock) : PageModel
{
    public DateOnly Today => clock.Today;

    public StaffDemandView? View { get; private set; }

    public DemandAccessPurpose? Purpose { get; private set; }

    public string Nur { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string nur, string? motif, CancellationToken cancellationToken)
    {
        Nur = CilPortal.Domain.Demands.Nur.Normalise(nur);
        Purpose = StaffDemandQuery.ParsePurpose(motif);
        if (Purpose is null)
        {
            // Ask why before showing anything.
            return Page();
        }

        View = await demands.ByNurAsync(nur, cancellationToken);
        if (View is null)
        {
            return NotFound();
        }

        await audit.LogAsync(User.Identity?.Name, View.Demand.Id, Purpose.Value, "consultation", cancellationToken);
        return Page();
    }
}
