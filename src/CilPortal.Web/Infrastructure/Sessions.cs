using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CilPortal.Web.Infrastructure;

/// <summary>
/// Session lifetimes (section <c>Sessions</c>): an idle timeout (the cookie slides while the person is active) and an
/// absolute one counted from the sign-in, shorter for staff than for applicants and tenants; and how recent a password
/// (and code) must be before changing an address or two-factor settings.
/// </summary>
public sealed class SessionLimits
{
    public const string Section = "Sessions";

    public int StaffIdleMinutes { get; set; } = 30;

    public int PublicIdleMinutes { get; set; } = 120;

    public int StaffAbsoluteHours { get; set; } = 12;

    public int PublicAbsoluteHours { get; set; } = 24;

    public int ReauthenticationMinutes { get; set; } = 10;

    public TimeSpan IdleTimeout(ClaimsPrincipal user) => TimeSpan.FromMinutes(user.IsStaff() ? StaffIdleMinutes : PublicIdleMinutes);

    public TimeSpan AbsoluteTimeout(ClaimsPrincipal user) => TimeSpan.FromHours(user.IsStaff() ? StaffAbsoluteHours : PublicAbsoluteHours);

    public TimeSpan ReauthenticationWindow => TimeSpan.FromMinutes(ReauthenticationMinutes);
}

/// <summary>The session cookie's events and checks that implement <see cref="SessionLimits"/>.</summary>
public static class Sessions
{
    /// <summary>
    /// Each sign-in (and refresh) starts the idle period now, with the length of the person's kind of account; the
    /// cookie handler's sliding expiration keeps that length when it renews the cookie.
    /// </summary>
    public static Task OnSigningIn(CookieSigningInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.HttpContext.RequestServices.GetRequiredService<SessionLimits>();
        var now = (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        context.Properties.IssuedUtc = now;
        context.Properties.ExpiresUtc = now + options.IdleTimeout(context.Principal ?? new ClaimsPrincipal());
        return Task.CompletedTask;
    }

    /// <summary>Whether the session began too long ago (or carries no start, as cookies issued before this rule).</summary>
    public static bool IsPastAbsoluteTimeout(ClaimsPrincipal user, DateTimeOffset now, SessionLimits options)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(options);
        return user.GetSignedInAt() is not { } signedIn || now - signedIn >= options.AbsoluteTimeout(user);
    }

    /// <summary>Identity rebuilds the principal at each security-stamp check: the session's times go on to the new one.</summary>
    public static Task KeepSessionTimes(SecurityStampRefreshingPrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.NewPrincipal?.Identity is ClaimsIdentity identity && context.CurrentPrincipal is { } current)
        {
            foreach (var type in new[] { CilPortalClaims.SignedInAt, CilPortalClaims.AuthenticatedAt, "amr" })
            {
                if (current.FindFirst(type) is { } claim && !identity.HasClaim(c => c.Type == type))
                {
                    identity.AddClaim(new Claim(claim.Type, claim.Value));
                }
            }
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Sensitive changes (an address, two-factor settings, another account's sign-in means) need a password typed (and, with
/// two-factor authentication, a code) within <see cref="SessionLimits.ReauthenticationMinutes"/>; otherwise the page
/// sends to <see cref="Path"/>, which comes back afterwards.
/// </summary>
public static class Reauthentication
{
    public const string Path = "/compte/reauthentification";

    public static bool IsRecent(ClaimsPrincipal user, DateTimeOffset now, SessionLimits options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return user?.GetAuthenticatedAt() is { } at && now - at <= options.ReauthenticationWindow;
    }

    /// <summary>Null when the sign-in is recent enough; otherwise the redirect to the re-authentication page, back to <paramref name="returnUrl"/> (the current page by default).</summary>
    public static IActionResult? Require(PageModel page, string? returnUrl = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var services = page.HttpContext.RequestServices;
        if (IsRecent(page.User, services.GetRequiredService<TimeProvider>().GetUtcNow(), services.GetRequiredService<SessionLimits>()))
        {
            return null;
        }

        var back = returnUrl ?? page.Request.Path.Value ?? "/";
        return new RedirectResult($"{Path}?returnUrl={Uri.EscapeDataString(back)}");
    }
}
