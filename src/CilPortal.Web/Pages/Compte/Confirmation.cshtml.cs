using System.Text;
using CilPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace CilPortal.Web.Pages.Compte;

/// <summary>
/// The link of the confirmation e-mail shows a button, and the button confirms: opening a link changes nothing, so that
/// a mail scanner following it does not spend the link.
/// </summary>
public class ConfirmationModel(UserManager<ApplicationUser> users) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "utilisateur")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true, Name = "code")]
    public string? Code { get; set; }

    /// <summary>The link is valid: the page shows the button.</summary>
    public bool LinkValid { get; private set; }

    public bool Confirmed { get; private set; }

    public async Task OnGetAsync()
    {
        if (await ValidLinkAsync() is var (user, token))
        {
            LinkValid = await users.VerifyUserTokenAsync(user, users.Options.Tokens.EmailConfirmationTokenProvider, UserManager<ApplicationUser>.ConfirmEmailTokenPurpose, token);
        }
    }

    public async Task OnPostAsync()
    {
        if (await ValidLinkAsync() is var (user, token))
        {
            Confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded;
        }
    }

    private async Task<(ApplicationUser User, string Token)?> ValidLinkAsync()
    {
        if (string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Code) || UserId.Length > 100 || Code.Length > 2000
            || await users.FindByIdAsync(UserId) is not { } user)
        {
            return null;
        }

        try
        {
            return (user, Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Code)));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
