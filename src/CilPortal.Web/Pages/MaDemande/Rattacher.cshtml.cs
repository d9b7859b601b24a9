using System.ComponentModel.DataAnnotations;
using CilPortal.Infrastructure.Access;
using CilPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using CilPortal.Web.Infrastructure;

namespace CilPortal.Web.Pages.MaDemande;

/// <summary>Attaches a demand to the signed-in account: NUR + birth date, then the code sent to the demand's e-mail.</summary>
[EnableRateLimiting(RateLimits.AccountForm)]
public class RattacherModel(DemandLinking linking, UserManager<ApplicationUser> users) : PageModel
{
    public const string CodeSent = "Si ces informations correspondent à une demande en cours, un code vient d'être envoyé à l'adresse électronique enregistrée sur cette demande.";

    [BindProperty]
    public StartInput Start { get; set; } = new();

    [BindProperty]
    public CodeInput Code { get; set; } = new();

    /// <summary>The challenge in progress (second step), from the address.</summary>
    [BindProperty(SupportsGet = true, Name = "defi")]
    public int? ChallengeId { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        // Each step validates its own fields only (the other step's form is not posted).
        ModelState.Clear();
        if (!TryValidateModel(Start, nameof(Start)))
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var challenge = await linking.StartAsync(user, Start.Nur, Start.BirthDate!.Value, cancellationToken);
        return RedirectToPage(new { defi = challenge });
    }

    public async Task<IActionResult> OnPostCodeAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!TryValidateModel(Code, nameof(Code)) || ChallengeId is null)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        switch (await linking.CompleteAsync(user, ChallengeId.Value, Code.Value, cancellationToken))
        {
            case LinkOutcome.Linked:
                TempData["Message"] = "Votre demande est rattachée à votre compte.";
                return RedirectToPage("Index");
            case LinkOutcome.WrongCode:
                ModelState.AddModelError("Code.Value", "Ce code n'est pas le bon. Vérifiez le dernier courriel reçu.");
                return Page();
            default:
                ChallengeId = null;
                ModelState.AddModelError(string.Empty, "Ce code n'est plus valable (15 minutes ou 5 essais). Recommencez.");
                return Page();
        }
    }

    public sealed class StartInput
    {
        [Display(Name = "numéro unique")]
        [Required(ErrorMessage = "Saisissez le numéro unique de votre demande.")]
        [StringLength(40, ErrorMessage = "Le numéro unique compte 18 caractères.")]
        public string Nur { get; set; } = "";

        [Display(Name = "date de naissance")]
        [Required(ErrorMessage = "Saisissez la date de naissance du demandeur.")]
        public DateOnly? BirthDate { get; set; }
    }

    public sealed class CodeInput
    {
        [Display(Name = "code reçu")]
        [Required(ErrorMessage = "Saisissez le code reçu par courriel.")]
        [RegularExpression(@"^\s*[0-9]{3}\s?[0-9]{3}\s*$", ErrorMessage = "Le code compte 6 chiffres.")]
        public string Value { get; set; } = "";
    }
}
