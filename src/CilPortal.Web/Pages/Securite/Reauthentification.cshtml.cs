using System.ComponentModel.DataAnnotations;
using CilPortal.Infrastructure.Audit;
using CilPortal.Infrastructure.Identity;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CilPortal.Web.Pages.Securite;

/// <summary>
/// Before a sensitive change (an address, two-factor settings, another account's sign-in means), a person signed in more
/// than <see cref="SessionLimits.ReauthenticationMinutes"/> ago types their password again, and the app's code when
/// two-factor authentication is on; then goes back to the page they came from. Failures count towards the lockout,
/// and a locked account is signed out.
/// </summary>
[EnableRateLimiting(RateLimits.SignIn)]
public class ReauthentificationModel(
    UserManager<ApplicationUser> users, CilPortalSignInManager signIn, AuditLog audit, AccountRateLimits limits, DemoOptions demo, TimeProvider time) : PageModel
{
    public const string WrongPassword = "Mot de passe incorrect.";
    public const string WrongCode = "Ce code n'est pas valable. Saisissez le code affiché en ce moment par l'application (un code déjà utilisé ne sert pas deux fois).";

    [BindProperty]
    [Display(Name = "mot de passe")]
    [Required(ErrorMessage = "Saisissez votre mot de passe.")]
    [StringLength(PasswordPolicy.MaximumLength, ErrorMessage = "Le mot de passe compte au plus 128 caractères.")]
    public string Password { get; set; } = "";

    [BindProperty]
    [Display(Name = "code")]
    [StringLength(20, ErrorMessage = "Ce code est trop long.")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool NeedsCode { get; private set; }

    /// <summary>For a demo account in demo mode only: the current code, so that a visitor needs no app.</summary>
    public string? DemoCode { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await PrepareAsync() is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await PrepareAsync() is not { } user)
        {
            return Challenge();
        }

        if (NeedsCode && string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), "Saisissez le code à 6 chiffres de l'application.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (limits.SignIn(user.Email ?? user.Id) is { } wait)
        {
            return RateLimits.TooManyRequests(HttpContext, wait);
        }

        var actor = HttpContext.Actor(user.Email);
        var password = await signIn.CheckPasswordSignInAsync(user, Password, lockoutOnFailure: true);
        if (password.Succeeded && NeedsCode && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Code!))
        {
            await users.AccessFailedAsync(user);
            await audit.WriteAsync(actor, AuditActions.SignInCodeFailed, "Confirmation d'identité : code de l'application refusé.", "utilisateur", user.Id);
            if (await users.IsLockedOutAsync(user))
            {
                return await LockedOutAsync(user, actor);
            }

            ModelState.AddModelError(nameof(Code), WrongCode);
            return Page();
        }

        if (password.IsLockedOut)
        {
            return await LockedOutAsync(user, actor);
        }

        if (!password.Succeeded)
        {
            await audit.WriteAsync(actor, AuditActions.SignInFailed, "Confirmation d'identité : mot de passe incorrect.", "utilisateur", user.Id);
            ModelState.AddModelError(nameof(Password), WrongPassword);
            return Page();
        }

        await users.ResetAccessFailedCountAsync(user);
        await signIn.ReauthenticatedAsync(user);
        await audit.WriteAsync(actor, AuditActions.Reauthenticated, NeedsCode ? "Mot de passe et code de l'application." : "Mot de passe.", "utilisateur", user.Id);
        return LocalRedirect(!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    private async Task<IActionResult> LockedOutAsync(ApplicationUser user, AuditActor actor)
    {
        await audit.WriteAsync(actor, AuditActions.LockedOut, "Compte bloqué 15 minutes (confirmation d'identité).", "utilisateur", user.Id);
        await signIn.SignOutAsync();
        TempData["Message"] = Compte.ConnexionModel.LockedOut;
        return LocalRedirect("/compte/connexion");
    }

    private async Task<ApplicationUser?> PrepareAsync()
    {
        if (User.Identity?.IsAuthenticated != true || await users.GetUserAsync(User) is not { } user)
        {
            return null;
        }

        NeedsCode = user.TwoFactorEnabled;
        if (NeedsCode && user.IsDemoAccount && demo.Enabled && await users.GetAuthenticatorKeyAsync(user) is { Length: > 0 } key)
        {
            DemoCode = AuthenticatorCodes.At(key, time.GetUtcNow());
        }

        return user;
    }
}
