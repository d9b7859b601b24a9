using System.ComponentModel.DataAnnotations;
using System.Text;
using CilPortal.Infrastructure.Audit;
using CilPortal.Infrastructure.Identity;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;

namespace CilPortal.Web.Pages.Compte;

/// <summary>
/// The link of the e-mail sent when an administrator creates a staff account (or sends a new link): choose a password.
/// The link carries Identity's password-reset token, valid one day and once (the password changes the security stamp
/// the token is bound to). It also confirms the address it was sent to.
/// </summary>
[EnableRateLimiting(RateLimits.PublicForm)]
public class MotDePasseModel(UserManager<ApplicationUser> users, AuditLog audit) : PageModel
{
    public const string InvalidLink = "Ce lien n'est plus valable : il a déjà servi ou a expiré. Demandez un nouveau lien à l'administrateur du portail.";

    [BindProperty(SupportsGet = true, Name = "utilisateur")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true, Name = "code")]
    public string? Code { get; set; }

    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public bool LinkValid { get; private set; }

    public bool Done { get; private set; }

    public async Task OnGetAsync() => LinkValid = await ValidUserAsync() is not null;

    public async Task<IActionResult> OnPostAsync()
    {
        var found = await ValidUserAsync();
        LinkValid = found is not null;
        if (found is not var (user, token))
        {
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.InvalidToken) ? string.Empty : "Input.Password", error.Description);
            }

            return Page();
        }

        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }

        await audit.WriteAsync(HttpContext.Actor(user.Email), AuditActions.PasswordSet, "Mot de passe choisi avec le lien reçu par courriel.", "utilisateur", user.Id);
        Done = true;
        return Page();
    }

    /// <summary>The account and the token of the link, when the token is still valid for it.</summary>
    private async Task<(ApplicationUser User, string Token)?> ValidUserAsync()
    {
        if (string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Code) || UserId.Length > 100 || Code.Length > 2000
            || await users.FindByIdAsync(UserId) is not { IsActive: true } user)
        {
            return null;
        }

        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Code));
        }
        catch (FormatException)
        {
            return null;
        }

        return await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<ApplicationUser>.ResetPasswordTokenPurpose, token)
            ? (user, token)
            : null;
    }

    public sealed class PasswordInput
    {
        [Display(Name = "mot de passe")]
        [Required(ErrorMessage = "Choisissez un mot de passe.")]
        [StringLength(PasswordPolicy.MaximumLength, MinimumLength = PasswordPolicy.MinimumLength, ErrorMessage = "Le mot de passe compte entre 12 et 128 caractères.")]
        public string Password { get; set; } = "";

        [Display(Name = "confirmation du mot de passe")]
        [Compare(nameof(Password), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
        public string ConfirmPassword { get; set; } = "";
    }
}
