using System.ComponentModel.DataAnnotations;
using CilPortal.Infrastructure.Audit;
using CilPortal.Infrastructure.Identity;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CilPortal.Web.Pages.Compte;

[EnableRateLimiting(RateLimits.SignIn)]
public class ConnexionModel(SignInManager<ApplicationUser> signInManager, UserManager<ApplicationUser> userManager, AuditLog audit, AccountRateLimits limits) : PageModel
{
    public const string InvalidCredentials = "Adresse électronique ou mot de passe incorrect.";
    public const string LockedOut = "Trop d'essais : ce compte est bloqué pendant 15 minutes. Réessayez plus tard.";

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Per account typed, known or not (the lockout counts failures of known accounts only).
        if (limits.SignIn(Input.Email) is { } wait)
        {
            return RateLimits.TooManyRequests(HttpContext, wait);
        }

        var user = await userManager.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            await audit.WriteAsync(HttpContext.Actor(Input.Email.Trim()), AuditActions.SignInFailed, "Adresse inconnue.");
            ModelState.AddModelError(string.Empty, InvalidCredentials);
            return Page();
        }

        var result = await signInManager.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        var actor = HttpContext.Actor(user.Email);
        if (result.IsLockedOut)
        {
            await audit.WriteAsync(actor, AuditActions.LockedOut, "Compte bloqué 15 minutes (mot de passe).", "utilisateur", user.Id);
            ModelState.AddModelError(string.Empty, LockedOut);
            return Page();
        }

        if (result.RequiresTwoFactor)
        {
            return Redirect(string.IsNullOrEmpty(ReturnUrl) || !Url.IsLocalUrl(ReturnUrl) ? "/compte/connexion-code" : $"/compte/connexion-code?returnUrl={Uri.EscapeDataString(ReturnUrl)}");
        }

        if (!result.Succeeded)
        {
            await audit.WriteAsync(actor, AuditActions.SignInFailed, result.IsNotAllowed ? "Connexion refusée : compte désactivé ou adresse non confirmée." : "Mot de passe incorrect.", "utilisateur", user.Id);
            ModelState.AddModelError(string.Empty, InvalidCredentials);
            return Page();
        }

        await audit.WriteAsync(actor, AuditActions.SignIn, "Mot de passe.", "utilisateur", user.Id);

        if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl))
        {
            return LocalRedirect(ReturnUrl);
        }

        var roles = await userManager.GetRolesAsync(user);
        return LocalRedirect(LandingFor(roles));
    }

    /// <summary>Where a signed-in person lands without a return address: their demand, the staff space, or home.</summary>
    public static string LandingFor(IList<string> roles) =>
        roles.Contains(Roles.Applicant) ? "/ma-demande" : roles.Any(Roles.Staff.Contains) ? "/gestion" : "/";

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Saisissez votre adresse électronique.")]
        [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valable, par exemple prenom.nom@exemple.fr.")]
        [Display(Name = "Adresse électronique")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Saisissez votre mot de passe.")]
        [Display(Name = "Mot de passe")]
        public string Password { get; set; } = "";
    }
}
