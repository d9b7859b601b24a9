using CilPortal.Domain.Commission;
using CilPortal.Infrastructure.Commission;
using CilPortal.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Commission.Seances;

public sealed record SessionLine(int Id, DateOnly HeldOn, IReadOnlyList<string> Attendees, IReadOnlyList<(int CaseId, string Text)> Decisions);

/// <summary>The sessions of the commission, latest first, with their decisions. EPCI administrators only.</summary>
public class IndexModel(CilPortalDbContext db) : PageModel
{
    public IReadOnlyList<SessionLine> Sessions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!CommissionAccess.IsAdministrator(User))
        {
            return Forbid();
        }

        var sessions = await db.CommissionSessions.AsNoTracking().Include(s => s.Decisions)
            .OrderByDescending(s => s.HeldOn).ThenByDescending(s => s.Id)
            .ToListAsync(cancellationToken);
        Sessions = [.. sessions.Select(s => new SessionLine(s.Id, s.HeldOn, s.Attendees, [.. s.Decisions.OrderBy(d => d.CaseId).Select(d => (d.CaseId, d.Text))]))];
        return Page();
    }
}
