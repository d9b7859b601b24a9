using System.Security.Claims;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Infrastructure.Reception;

/// <summary>The reception points a signed-in member of staff acts for: their assigned places, or every place for the EPCI administrator.</summary>
public sealed class ReceptionAgentPlaces(CilPortalDbContext db)
{
    public async Task<IReadOnlyList<(int Id, string Name)>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var places = db.ReceptionPoints.AsNoTracking();
        if (!user.IsInRole(Roles.EpciAdministrator))
        {
            var userName = user.Identity?.Name;
            places = places.Where(r => db.ReceptionAgentAssignments.Any(a => a.ReceptionPointId == r.Id && db.Users.Any(u => u.Id == a.UserId && u.UserName == userName)));
        }

        return [.. (await places.OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken)).Select(r => (r.Id, r.Name))];
    }
}
