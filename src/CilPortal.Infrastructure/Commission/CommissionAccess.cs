using System.Security.Claims;
using CilPortal.Domain.Commission;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Identity;

namespace CilPortal.Infrastructure.Commission;

/// <summary>
/// Who sees which coordination case: the EPCI administrators every case, a reception or bailleur agent the cases
/// they are invited to, anyone else none. Pages answer 404 for a case outside this set, so that its existence is not told.
/// </summary>
public sealed class CommissionAccess(CilPortalDbContext db)
{
    public static bool IsAdministrator(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.EpciAdministrator);
    }

    public static string? UserId(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(ClaimTypes.NameIdentifier);
    }

    /// <summary>The cases the user may see.</summary>
    public IQueryable<CoordinationCase> VisibleCases(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (IsAdministrator(user))
        {
            return db.CoordinationCases;
        }

        if (!user.IsInRole(Roles.ReceptionAgent) && !user.IsInRole(Roles.BailleurAgent) || UserId(user) is not { } userId)
        {
            return db.CoordinationCases.Where(_ => false);
        }

        return db.CoordinationCases.Where(c => db.CaseInvitations.Any(i => i.CaseId == c.Id && i.UserId == userId));
    }

    /// <summary>An administrator marks any action done; an invited agent the actions they own.</summary>
    public static bool MayComplete(ClaimsPrincipal user, CaseAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return IsAdministrator(user) || (action.OwnerUserId is not null && action.OwnerUserId == UserId(user));
    }
}
