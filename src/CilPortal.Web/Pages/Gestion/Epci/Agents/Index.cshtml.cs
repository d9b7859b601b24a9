using CilPortal.Infrastructure.Audit;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Identity;
using CilPortal.Infrastructure.Reception;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Epci.Agents;

/// <summary>Which reception points each reception agent works at (they record interviews and keep the agenda there).</summary>
public class IndexModel(CilPortalDbContext db, UserManager<ApplicationUser> users, AuditLog audit) : PageModel
{
    public sealed record AgentRow(string Id, string Name, string Email, IReadOnlySet<int> Places);

    public IReadOnlyList<AgentRow> Agents { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Places { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(string agentId, int[] places, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var agent = Agents.SingleOrDefault(a => a.Id == agentId);
        if (agent is null)
        {
            return NotFound();
        }

        var chosen = places.Where(p => Places.Any(known => known.Id == p)).ToHashSet();
        var current = await db.ReceptionAgentAssignments.Where(a => a.UserId == agentId).ToListAsync(cancellationToken);
        db.ReceptionAgentAssignments.RemoveRange(current.Where(a => !chosen.Contains(a.ReceptionPointId)));
        db.ReceptionAgentAssignments.AddRange(chosen.Where(p => current.All(a => a.ReceptionPointId != p)).Select(p => new ReceptionAgentAssignment { UserId = agentId, ReceptionPointId = p }));
        audit.Add(HttpContext.Actor(), AuditActions.AgentPlaces, $"Lieux de {agent.Name} ({agent.Email}).", "utilisateur", agentId,
            PlaceNames(current.Select(a => a.ReceptionPointId)), PlaceNames(chosen));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"Les lieux de {agent.Name} sont enregistrés.";
        return RedirectToPage();
    }

    private string[] PlaceNames(IEnumerable<int> ids) => [.. Places.Where(p => ids.Contains(p.Id)).Select(p => p.Name)];

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Places = [.. (await db.ReceptionPoints.AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken)).Select(r => (r.Id, r.Name))];
        var agents = await users.GetUsersInRoleAsync(Roles.ReceptionAgent);
        var assignments = (await db.ReceptionAgentAssignments.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(a => a.UserId, a => a.ReceptionPointId);
        Agents = [.. agents.OrderBy(a => a.DisplayName).Select(a => new AgentRow(a.Id, a.DisplayName, a.Email ?? "", assignments[a.Id].ToHashSet()))];
    }
}
