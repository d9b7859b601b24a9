using System.ComponentModel.DataAnnotations;
using System.Net;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Email;
using CilPortal.Infrastructure.Identity;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;

namespace CilPortal.Web.Pages.Compte;

/// <summary>
/// An applicant creates an account; the address is confirmed by a link sent by e-mail. The answer is the
/// same whether the address already has an account or not (that person is told by e-mail instead).
/// Staff accounts are never created here.
/// </summary>
[EnableRateLimiting(RateLimits.PublicForm)]
[Captcha]
public class InscriptionModel(UserManager<ApplicationUser> users, CilPortalDbContext db, Outbox outbox, JobOptions portal, AccountRateLimits limits) : PageModel
{
    [BindProperty]
    public RegistrationInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The password is judged before anything else, so that the answer never depends on whether the address exists;
        // the address is given to the validators, which refuse a password containing it.
        var typed = Input.Email.Trim();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new ApplicationUser { Email = typed, UserName = typed }, Input.Password);
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("Input.Password", error.Description);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Each registration sends an e-mail to the address: a few an hour per address at most.
        if (limits.Registration(typed) is { } wait)
        {
            return RateLimits.TooManyRequests(HttpContext, wait);
        }

        var email = typed;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await users.FindByEmailAsync(email) is not null)
        {
            outbox.Enqueue(new EmailMessage(email, "Vous avez déjà un compte",
                $"Bonjour,\n\nQuelqu'un a voulu créer un compte avec votre adresse, qui en a déjà un. Si c'est vous, connectez-vous : {portal.PublicUrl}/compte/connexion\n",
                $"<p>Bonjour,</p><p>Quelqu'un a voulu créer un compte avec votre adresse, qui en a déjà un. Si c'est vous, <a href=\"{portal.PublicUrl}/compte/connexion\">connectez-vous</a>.</p>",
                "compte-existant"));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            Sent = true;
            return Page();
        }

        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = email };
        var created = await users.CreateAsync(user, Input.Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError("Input.Password", error.Description);
            }

            return Page();
        }

        await users.AddToRoleAsync(user, Roles.Applicant);
        var token = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        var link = $"{portal.PublicUrl.TrimEnd('/')}/compte/confirmation?utilisateur={WebUtility.UrlEncode(user.Id)}&code={token}";
        outbox.Enqueue(new EmailMessage(email, "Confirmez votre adresse électronique",
            $"Bonjour,\n\nPour terminer la création de votre compte, ouvrez ce lien :\n{link}\n\nSi vous n'avez pas créé de compte, ignorez ce message.\n",
            $"<p>Bonjour,</p><p>Pour terminer la création de votre compte, <a href=\"{WebUtility.HtmlEncode(link)}\">confirmez votre adresse</a>.</p><p>Si vous n'avez pas créé de compte, ignorez ce message.</p>",
            "confirmation"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Sent = true;
        return Page();
    }

    public sealed class RegistrationInput
    {
        [Display(Name = "adresse électronique")]
        [Required(ErrorMessage = "Saisissez votre adresse électronique.")]
        [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valable, par exemple prenom.nom@exemple.fr.")]
        [StringLength(254, ErrorMessage = "L'adresse électronique est trop longue.")]
        public string Email { get; set; } = "";

        [Display(Name = "mot de passe")]
        [Required(ErrorMessage = "Choisissez un mot de passe.")]
        [StringLength(PasswordPolicy.MaximumLength, MinimumLength = PasswordPolicy.MinimumLength, ErrorMessage = "Le mot de passe compte entre 12 et 128 caractères.")]
        public string Password { get; set; } = "";

        [Display(Name = "confirmation du mot de passe")]
        [Required(ErrorMessage = "Saisissez le mot de passe une seconde fois.")]
        [Compare(nameof(Password), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
        public string ConfirmPassword { get; set; } = "";
    }
}
