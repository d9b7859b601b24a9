using System.Text;
using CilPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace CilPortal.Web.Pages.Compte;

/// <summary>The link of the confirmation e-mail.</summary>
public class ConfirmationModel(UserManager<ApplicationUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? utilisateur, string? code)
    {
        if (string.IsNullOrEmpty(utilisateur) || string.IsNullOrEmpty(code) || await users.FindByIdAsync(utilisateur) is not { } user)
        {
            return;
        }

        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return;
        }

        Confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }
}
