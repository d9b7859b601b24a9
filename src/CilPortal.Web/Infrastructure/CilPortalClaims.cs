using System.Security.Claims;
using CilPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CilPortal.Web.Infrastructure;

/// <summary>Claims the portal adds to the Identity cookie.</summary>
public static class CilPortalClaims
{
    public const string BailleurId = "cilportal:bailleur";
    public const string DisplayName = "cilportal:name";

    /// <summary>Present when the account has two-factor authentication on (mandatory for staff).</summary>
    public const string TwoFactor = "cilportal:2fa";

    /// <summary>When the session began (Unix seconds): the sign-in, kept through refreshes, for the absolute timeout.</summary>
    public const string SignedInAt = "cilportal:signed_in";

    /// <summary>When the person last proved who they are (Unix seconds): the sign-in or a later re-authentication.</summary>
    public const string AuthenticatedAt = "cilportal:auth_time";

    public static bool HasTwoFactor(this ClaimsPrincipal user) => user?.HasClaim(c => c.Type == TwoFactor) ?? false;

    public static DateTimeOffset? GetSignedInAt(this ClaimsPrincipal user) => Instant(user?.FindFirstValue(SignedInAt));

    public static DateTimeOffset? GetAuthenticatedAt(this ClaimsPrincipal user) => Instant(user?.FindFirstValue(AuthenticatedAt));

    public static string UnixSeconds(DateTimeOffset instant) => instant.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset? Instant(string? unixSeconds) =>
        long.TryParse(unixSeconds, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    public static bool IsStaff(this ClaimsPrincipal user) => user is not null && Roles.Staff.Any(user.IsInRole);

    /// <summary>The bailleur a bailleur agent is scoped to, or null.</summary>
    public static int? GetBailleurId(this ClaimsPrincipal user) =>
        int.TryParse(user?.FindFirstValue(BailleurId), out var id) ? id : null;

    public static string GetDisplayName(this ClaimsPrincipal user) =>
        user?.FindFirstValue(DisplayName) ?? user?.Identity?.Name ?? "";
}

/// <summary>Adds the bailleur scope and the display name to the signed-in principal.</summary>
public sealed class CilPortalClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CilPortalClaims.DisplayName, user.DisplayName));
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(CilPortalClaims.TwoFactor, "on"));
        }
        if (user.BailleurId is { } bailleurId)
        {
            identity.AddClaim(new Claim(CilPortalClaims.BailleurId, bailleurId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
