using System.ComponentModel.DataAnnotations;
using CilPortal.Infrastructure.Identity;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CilPortal.Web.Pages.Securite;

/// <summary>
/// Turns on two-factor authentication with an authenticator app (TOTP): the key as text and QR code, one code to
/// prove the app works, then ten single-use recovery codes shown once. Mandatory for staff before any other page.
/// </summary>
public class DoubleAuthentificationModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, BrandingOptions branding) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    [Display(Name = "code à 6 chiffres")]
    [Required(ErrorMessage = "Saisissez le code à 6 chiffres affiché par l'application.")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "Le code compte 6 chiffres, par exemple 123456.")]
    public string Code { get; set; } = "";

    public bool IsEnabled { get; private set; }

    public bool IsStaff => User.IsStaff();

    public string Key { get; private set; } = "";

    public string OtpAuthUri { get; private set; } = "";

    /// <summary>The recovery codes, only in the answer that turned the protection on.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } current)
        {
            return Challenge();
        }

        // The key is a secret: shown (and made) only after a recent password.
        if (!current.TwoFactorEnabled && Reauthentication.Require(this) is { } reauthenticate)
        {
            return reauthenticate;
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { TwoFactorEnabled: false } && Reauthentication.Require(this) is { } reauthenticate)
        {
            return reauthenticate;
        }

        if (await LoadAsync() is not { } user)
        {
            return Challenge();
        }

        if (IsEnabled)
        {
            return RedirectToPage();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = Code.Replace(" ", "", StringComparison.Ordinal).Trim();
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "Ce code n'est pas le bon : vérifiez l'heure du téléphone et saisissez le code affiché en ce moment.");
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await signIn.RefreshSignInAsync(user);
        IsEnabled = true;
        return Page();
    }

    private async Task<ApplicationUser?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return null;
        }

        IsEnabled = user.TwoFactorEnabled;
        if (!IsEnabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                // Making the key changes the security stamp: the cookie is reissued with the new one, or the session
                // would end at the next stamp check (a minute later, while the person installs the app).
                await users.ResetAuthenticatorKeyAsync(user);
                await signIn.RefreshSignInAsync(user);
                key = await users.GetAuthenticatorKeyAsync(user);
            }

            Key = key!;
            OtpAuthUri = AuthenticatorCodes.OtpAuthUri(branding.PortalName, user.Email ?? user.UserName ?? "", Key);
        }

        return user;
    }
}
