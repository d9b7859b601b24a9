using System.ComponentModel.DataAnnotations;
using CilPortal.Infrastructure.Access;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CilPortal.Web.Pages.MaDemande;

/// <summary>
/// Follow a demand without an account, with the NUR and the personal access code of the information
/// sheet. The NUR alone is not a secret. Nothing is kept after the answer: no cookie, no cache. After three failures from
/// one address, its posts need the anti-robot check as well.
/// </summary>
[EnableRateLimiting(RateLimits.PublicForm)]
[Captcha(AfterFailures = FailuresBeforeCaptcha)]
public class SuiviModel(DemandAccessService access, DemandStatusQuery demands, CaptchaGate captcha, RequestConnection connection) : PageModel
{
    public const string Refused = "Numéro unique ou code d'accès incorrect. Vérifiez les deux sur votre fiche d'information.";
    /// <summary>Failed lookups from one address after which its posts need the anti-robot check.</summary>
    public const int FailuresBeforeCaptcha = 3;

    public const string TooMany = "Trop d'essais pour ce numéro. Réessayez dans 15 minutes, ou adressez-vous à un lieu d'accueil.";

    [BindProperty]
    public LookupInput Input { get; set; } = new();

    public DemandSummary? Summary { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The code's check and the demand's queries on one connection (issue #11).
        await connection.OpenAsync(cancellationToken);
        var result = await access.VerifyAsync(Input.Nur, Input.Code, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        switch (result.Outcome)
        {
            case AccessOutcome.Granted:
                Summary = await demands.ForAsync(result.DemandId!.Value, cancellationToken);
                Input = new LookupInput();
                ModelState.Clear();
                break;
            case AccessOutcome.TooManyAttempts:
                captcha.RecordFailure(HttpContext);
                ModelState.AddModelError(string.Empty, TooMany);
                break;
            default:
                captcha.RecordFailure(HttpContext);
                ModelState.AddModelError(string.Empty, Refused);
                break;
        }

        return Page();
    }

    public sealed class LookupInput
    {
        [Display(Name = "numéro unique")]
        [Required(ErrorMessage = "Saisissez le numéro unique de votre demande.")]
        [StringLength(40, ErrorMessage = "Le numéro unique compte 18 caractères.")]
        public string Nur { get; set; } = "";

        [Display(Name = "code d'accès")]
        [Required(ErrorMessage = "Saisissez le code d'accès de votre fiche d'information.")]
        [StringLength(40, ErrorMessage = "Le code d'accès compte 10 caractères.")]
        public string Code { get; set; } = "";
    }
}
