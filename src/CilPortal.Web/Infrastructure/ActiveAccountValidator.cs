using System.Security.Claims;
using CilPortal.Infrastructure.Audit;
using CilPortal.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Infrastructure;

/// <summary>
/// Validates the session cookie on each request: Identity's security-stamp check (at its interval, one minute), the
/// absolute timeout (<see cref="SessionLimits"/>), then one small query for whether the account still exists and is
/// active. A deactivated account is signed out at its next request, not at the next stamp check.
/// </summary>
public static class ActiveAccountValidator
{
    /// <summary>Compiled: it runs at every signed-in request (issue #11).</summary>
    private static readonly Func<CilPortalDbContext, string, CancellationToken, Task<bool?>> IsActive = EF.CompileAsyncQuery(
        (CilPortalDbContext db, string userId, CancellationToken _) => db.Users.Where(u => u.Id == userId).Select(u => (bool?)u.IsActive).SingleOrDefault());

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return;
        }

        // The absolute timeout: however active, a session ends that long after its sign-in.
        var limits = context.HttpContext.RequestServices.GetRequiredService<SessionLimits>();
        if (Sessions.IsPastAbsoluteTimeout(context.Principal, (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow(), limits))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        // On the request's connection, which stays open for the page's queries (RequestConnection).
        var db = await context.HttpContext.RequestServices.GetRequiredService<RequestConnection>().OpenAsync(context.HttpContext.RequestAborted);
        var active = await IsActive(db, userId, context.HttpContext.RequestAborted);
        if (active != true)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}

/// <summary>The audit log's view of the current request: who (the signed-in account) and from which address.</summary>
public static class AuditActors
{
    public static AuditActor Actor(this HttpContext context, string? userName = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new AuditActor(userName ?? context.User.Identity?.Name ?? "", context.Connection.RemoteIpAddress?.ToString());
    }
}
