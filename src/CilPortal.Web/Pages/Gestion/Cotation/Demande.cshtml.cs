using CilPortal.Domain.Demands;
using CilPortal.Domain.Scoring;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Scoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Cotation;

/// <summary>
/// The score of one demand with its breakdown and situations: reception desks and the EPCI only (the situations
/// are sensitive), and every opening is logged like any other read of a demand by staff.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = CilPortal.Web.Infrastructure.Policies.ReceptionAgent)]
public class DemandeModel(CilPortalDbContext db, CilPortal.Infrastructure.Reception.DemandAccessAudit audit) : PageModel
{
    public string Nur { get; private set; } = "";

    public DemandScore? Score { get; private set; }

    public IReadOnlyList<ScoreLine> Lines { get; private set; } = [];

    public DemandSituations Situations { get; private set; }

    public async Task<IActionResult> OnGetAsync(string nur, CancellationToken cancellationToken)
    {
        var normalised = CilPortal.Domain.Demands.Nur.Normalise(nur);
        var demand = await db.Demands.AsNoTracking().Where(d => d.Nur == normalised).Select(d => new { d.Id, d.Nur, d.Situations }).SingleOrDefaultAsync(cancellationToken);
        if (demand is null)
        {
            return NotFound();
        }

        Nur = demand.Nur;
        Situations = demand.Situations;
        Score = await db.DemandScores.AsNoTracking().SingleOrDefaultAsync(s => s.DemandId == demand.Id, cancellationToken);
        Lines = Score is null ? [] : ScoringService.Deserialise(Score.Breakdown);
        await audit.LogAsync(User.Identity?.Name, demand.Id, CilPortal.Infrastructure.Reception.DemandAccessPurpose.Designation, "cotation", cancellationToken);
        return Page();
    }
}
