using CilPortal.Infrastructure.Access;
using System.ComponentModel.DataAnnotations;
using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Demands;
using CilPortal.Infrastructure.Email;
using CilPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.MaDemande;

/// <summary>
/// The applicant's contact details on this portal and their choice of notices. A new e-mail address is used
/// only once confirmed from a link sent to it; the registry's own data stay as they are (changed at a desk).
/// </summary>
[EnableRateLimiting(RateLimits.AccountForm)]
public class CoordonneesModel(CilPortalDbContext db, UserManager<ApplicationUser> users, Outbox outbox, JobOptions options, TimeProvider time) : PageModel
{
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromHours(24);

    [BindProperty]
    public ContactInput Input { get; set; } = new();

    public Demand? Demand { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await OwnDemandAsync(cancellationToken) is not { } demand)
        {
            return RedirectToPage("Index");
        }

        Input = new ContactInput { Email = demand.NoticeEmail, Phone = demand.PortalPhone ?? demand.ContactPhone, StatusNotices = demand.StatusNotices };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await OwnDemandAsync(cancellationToken) is not { } demand)
        {
            return RedirectToPage("Index");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email?.Trim();

        // A new address for the notices needs a recent password: nothing is saved until then.
        var changesEmail = !string.IsNullOrEmpty(email) && !string.Equals(email, demand.NoticeEmail, StringComparison.OrdinalIgnoreCase);
        if (changesEmail && Reauthentication.Require(this) is { } reauthenticate)
        {
            return reauthenticate;
        }

        var phone = Input.Phone?.Trim();
        demand.PortalPhone = string.IsNullOrEmpty(phone) || phone == demand.ContactPhone ? null : phone;
        demand.StatusNotices = Input.StatusNotices;
        var messages = new List<string> { "Vos choix sont enregistrés." };
        if (changesEmail && email is not null)
        {
            var token = UrlTokens.New();
            demand.PendingPortalEmail = email;
            demand.PendingPortalEmailTokenHash = UrlTokens.Hash(token);
            demand.PendingPortalEmailSentAt = time.GetUtcNow();
            var confirmUrl = $"{options.PublicUrl.TrimEnd('/')}/ma-demande/coordonnees/confirmer?jeton={token}";
            outbox.Enqueue(EmailTemplates.ConfirmNoticeEmail(email, demand.Nur, confirmUrl, options.EpciName));
            messages.Add($"Un lien de confirmation est envoyé à {email} : l'adresse sera utilisée dès que vous l'aurez ouvert.");
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = string.Join(" ", messages);
        return RedirectToPage("Coordonnees");
    }

    /// <summary>The token of the confirmation link, when it is valid: the page then shows the button that confirms.</summary>
    public string? ConfirmationToken { get; private set; }

    /// <summary>
    /// The link of the confirmation e-mail (the signed-in owner of the demand, with the token, within a day) shows a button:
    /// opening a link changes nothing, so that a mail scanner following it does not confirm in the person's place.
    /// </summary>
    public async Task<IActionResult> OnGetConfirmerAsync(string? jeton, CancellationToken cancellationToken)
    {
        var demand = await OwnDemandAsync(cancellationToken);
        if (demand is null)
        {
            return RedirectToPage("Index");
        }

        if (!ValidConfirmation(demand, jeton))
        {
            return InvalidConfirmation();
        }

        ConfirmationToken = jeton;
        Input = new ContactInput { Email = demand.NoticeEmail, Phone = demand.PortalPhone ?? demand.ContactPhone, StatusNotices = demand.StatusNotices };
        return Page();
    }

    /// <summary>The button of the confirmation link: the pending address becomes the notice address.</summary>
    public async Task<IActionResult> OnPostConfirmerAsync(string? jeton, CancellationToken cancellationToken)
    {
        var demand = await OwnDemandAsync(cancellationToken);
        if (demand is null)
        {
            return RedirectToPage("Index");
        }

        if (!ValidConfirmation(demand, jeton))
        {
            return InvalidConfirmation();
        }

        demand.PortalEmail = string.Equals(demand.PendingPortalEmail, demand.ContactEmail, StringComparison.OrdinalIgnoreCase) ? null : demand.PendingPortalEmail;
        demand.PendingPortalEmail = null;
        demand.PendingPortalEmailTokenHash = null;
        demand.PendingPortalEmailSentAt = null;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"Adresse confirmée : les avis de votre demande seront envoyés à {demand.NoticeEmail}.";
        return RedirectToPage("Coordonnees");
    }

    private bool ValidConfirmation(Demand demand, string? jeton) =>
        jeton is not null && UrlTokens.Matches(jeton, demand.PendingPortalEmailTokenHash)
            && demand.PendingPortalEmailSentAt + ConfirmationLifetime > time.GetUtcNow();

    private RedirectToPageResult InvalidConfirmation()
    {
        TempData["Message"] = "Ce lien de confirmation n'est pas valable ou a expiré. Saisissez de nouveau votre adresse.";
        return RedirectToPage("Coordonnees");
    }

    private async Task<Demand?> OwnDemandAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        Demand = user?.LinkedDemandId is { } id ? await db.Demands.SingleOrDefaultAsync(d => d.Id == id, cancellationToken) : null;
        return Demand;
    }

    public sealed class ContactInput
    {
        [Display(Name = "adresse e-mail")]
        [EmailAddress(ErrorMessage = "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.")]
        [StringLength(254, ErrorMessage = "L'adresse e-mail ne doit pas dépasser 254 caractères.")]
        public string? Email { get; set; }

        [Display(Name = "téléphone")]
        [RegularExpression(ContactPatterns.Phone, ErrorMessage = ContactPatterns.PhoneMessage)]
        public string? Phone { get; set; }

        public bool StatusNotices { get; set; }
    }
}
