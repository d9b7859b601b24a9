using System.Net;
using System.Text;
using CilPortal.Infrastructure.Email;
using CilPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace CilPortal.Web.Pages.Gestion.Epci.Utilisateurs;

/// <summary>The staff roles an administrator gives, with their French names, and the e-mail with the password link.</summary>
public static class StaffAccounts
{
    public static readonly IReadOnlyDictionary<string, string> RoleNames = new Dictionary<string, string>
    {
        [Roles.ReceptionAgent] = "Agent d'accueil",
        [Roles.BailleurAgent] = "Agent bailleur",
        [Roles.EpciAdministrator] = "Administrateur de l'EPCI",
    };

    public static string RoleName(string role) => RoleNames.TryGetValue(role, out var name) ? name : role;

    /// <summary>Puts the e-mail with the link to choose a password (Identity's reset token) into the outbox; the caller saves.</summary>
    public static async Task SendPasswordLinkAsync(UserManager<ApplicationUser> users, Outbox outbox, JobOptions portal, ApplicationUser user, string role)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(portal);
        ArgumentNullException.ThrowIfNull(user);
        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var link = $"{portal.PublicUrl.TrimEnd('/')}/compte/mot-de-passe?utilisateur={WebUtility.UrlEncode(user.Id)}&code={token}";
        outbox.Enqueue(EmailTemplates.StaffAccountLink(user.Email!, user.DisplayName, RoleName(role), link, portal.EpciName));
    }
}
