using CilPortal.Infrastructure.Identity;
using CilPortal.Infrastructure.Seeding;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CilPortal.Web.Infrastructure;

/// <summary>
/// Refuses sign-in to deactivated accounts, and to demo accounts once demo mode is off. Identity asks
/// this again when it revalidates the security stamp, so such sessions end too.
/// </summary>
public sealed class CilPortalSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    DemoOptions demo)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsActive && (!user.IsDemoAccount || demo.Enabled) && await base.CanSignInAsync(user);
    }
}
