using System.ComponentModel.DataAnnotations;
using CilPortal.Infrastructure.Audit;
using CilPortal.Infrastructure.Identity;
using CilPortal.Web.Infrastructure;
using CilPortal.Infrastructure.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CilPortal.Web.Pages.Compte;

/// <summary>
/// The second step of a sign-in with two-factor authentication: the code of the authenticator app, or a single-use
/// recovery code. Failures count towards the lockout like wrong passwords.
/// </summary>
[EnableRateLimiting(RateLimits.SignIn)]
public class ConnexionCodeModel(SignInManager<ApplicationUser> signInManager, UserManager<ApplicationUser> userManager, DemoOptions demo, TimeProvider time, AuditLog audit, AccountRateLimits limits) : PageModel
{
    public const string WrongCode = "Ce code n'est pas valable. Saisissez le code affiché en ce moment par l'application, ou un code de secours.";

    [BindProperty]
    [Display(Name = "code")]
    [Required(ErrorMessage = "Saisissez le code à 6 chiffres de l'application, ou un code de secours.")]
    [StringLength(20, ErrorMessage = "Ce code est trop long.")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>For a demo account in demo mode only: the current code, so that a visitor needs no app.</summary>
    public string? DemoCode { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await PrepareAsync() is null ? Redirect("/compte/connexion") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await PrepareAsync() is not { } user)
        {
            return Redirect("/compte/connexion");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (limits.SignIn(user.Email ?? user.Id) is { } wait)
        {
            return RateLimits.TooManyRequests(HttpContext, wait);
        }

        var code = Code.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await RecoveryCodeSignInAsync(user, RecoveryCode(code));
        var actor = HttpContext.Actor(user.Email);
        if (result.IsLockedOut)
        {
            await audit.WriteAsync(actor, AuditActions.LockedOut, "Compte bloqué 15 minutes (code de double authentification).", "utilisateur", user.Id);
            ModelState.AddModelError(string.Empty, ConnexionModel.LockedOut);
            return Page();
        }

        if (!result.Succeeded)
        {
            await audit.WriteAsync(actor, AuditActions.SignInCodeFailed, "Code de l'application ou code de secours refusé.", "utilisateur", user.Id);
            ModelState.AddModelError(nameof(Code), WrongCode);
            return Page();
        }

        await audit.WriteAsync(actor, AuditActions.SignIn, code.Length == 6 && code.All(char.IsAsciiDigit) ? "Mot de passe et code de l'application." : "Mot de passe et code de secours.", "utilisateur", user.Id);
        if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl))
        {
            return LocalRedirect(ReturnUrl);
        }

        var roles = await userManager.GetRolesAsync(user);
        return LocalRedirect(ConnexionModel.LandingFor(roles));
    }

    /// <summary>
    /// Identity does not count failed recovery codes towards the lockout (it deems them too random to guess); the
    /// portal does, like wrong app codes, and refuses them while the account is locked.
    /// </summary>
    private async Task<Microsoft.AspNetCore.Identity.SignInResult> RecoveryCodeSignInAsync(ApplicationUser user, string code)
    {
        if (await userManager.IsLockedOutAsync(user))
        {
            return Microsoft.AspNetCore.Identity.SignInResult.LockedOut;
        }

        var result = await signInManager.TwoFactorRecoveryCodeSignInAsync(code);
        if (!result.Succeeded)
        {
            await userManager.AccessFailedAsync(user);
            return await userManager.IsLockedOutAsync(user) ? Microsoft.AspNetCore.Identity.SignInResult.LockedOut : result;
        }

        return result;
    }

    /// <summary>Recovery codes are shown as XXXXX-XXXXX; people type them without the dash too.</summary>
    private static string RecoveryCode(string typed) => typed.Length == 10 && !typed.Contains('-', StringComparison.Ordinal) ? $"{typed[..5]}-{typed[5..]}" : typed;

    private async Task<ApplicationUser?> PrepareAsync()
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is not null && user.IsDemoAccount && demo.Enabled && await userManager.GetAuthenticatorKeyAsync(user) is { Length: > 0 } key)
        {
            DemoCode = AuthenticatorCodes.At(key, time.GetUtcNow());
        }

        return user;
    }
}
