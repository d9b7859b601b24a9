using System.Security.Claims;
using CilPortal.Infrastructure.Identity;
using CilPortal.Infrastructure.Seeding;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CilPortal.Web.Infrastructure;

/// <summary>
/// Refuses sign-in to deactivated accounts, and to demo accounts once demo mode is off. Identity asks
/// this again when it revalidates the security stamp, so such sessions end too. Every session cookie carries when the
/// session began (<see cref="CilPortalClaims.SignedInAt"/>, for the absolute timeout) and when the person last typed
/// their password (<see cref="CilPortalClaims.AuthenticatedAt"/>, for re-authentication); a refresh keeps both.
/// </summary>
public sealed class CilPortalSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    DemoOptions demo,
    TimeProvider time)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private bool refreshing;
    private bool reauthenticated;

    public override async Task<bool> CanSignInAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsActive && (!user.IsDemoAccount || demo.Enabled) && await base.CanSignInAsync(user);
    }

    public override async Task RefreshSignInAsync(ApplicationUser user)
    {
        refreshing = true;
        try
        {
            await base.RefreshSignInAsync(user);
        }
        finally
        {
            refreshing = false;
        }
    }

    /// <summary>After the password (and code) were typed again: the same session, authenticated now.</summary>
    public async Task ReauthenticatedAsync(ApplicationUser user)
    {
        reauthenticated = true;
        try
        {
            await RefreshSignInAsync(user);
        }
        finally
        {
            reauthenticated = false;
        }
    }

    public override async Task SignInWithClaimsAsync(ApplicationUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = CilPortalClaims.UnixSeconds(time.GetUtcNow());

        // A refresh (two-factor turned on, re-authentication) goes on with the current session; any other call is a sign-in.
        var current = refreshing && Context.User.Identity?.IsAuthenticated == true && UserManager.GetUserId(Context.User) == user.Id ? Context.User : null;
        var claims = (additionalClaims ?? []).Where(c => c.Type is not (CilPortalClaims.SignedInAt or CilPortalClaims.AuthenticatedAt)).ToList();
        claims.Add(new Claim(CilPortalClaims.SignedInAt, current?.FindFirstValue(CilPortalClaims.SignedInAt) ?? now));
        claims.Add(new Claim(CilPortalClaims.AuthenticatedAt, reauthenticated ? now : current?.FindFirstValue(CilPortalClaims.AuthenticatedAt) ?? now));
        await base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }
}
