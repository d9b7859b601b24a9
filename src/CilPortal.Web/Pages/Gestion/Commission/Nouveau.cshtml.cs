using System.ComponentModel.DataAnnotations;
using CilPortal.Domain.Commission;
using CilPortal.Infrastructure.Commission;
using CilPortal.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CilPortal.Web.Pages.Gestion.Commission;

/// <summary>Opens a coordination case from a demand, by its NUR. EPCI administrators only.</summary>
public class NouveauModel(CommissionService commission, ParisClock clock) : PageModel
{
    [BindProperty]
    public CaseInput Input { get; set; } = new();

    public IActionResult OnGet()
    {
        if (!CommissionAccess.IsAdministrator(User))
        {
            return Forbid();
        }

        Input = new CaseInput { OpenedOn = clock.Today };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CommissionAccess.IsAdministrator(User))
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            // Say at once whether the number is right, with the other mistakes.
            if (ModelState.GetFieldValidationState("Input.Nur") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
                && (await commission.FindDemandAsync(Input.Nur, cancellationToken)).Error is { } nurError)
            {
                ModelState.AddModelError("Input.Nur", nurError);
            }

            return Page();
        }

        var result = await commission.OpenAsync(Input.Nur, Input.Reason!.Value, Input.ReferringBody, Input.OpenedOn!.Value, Input.Checklist, User.Identity?.Name ?? "", clock.Today, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(FieldOf(error), error);
            }

            return Page();
        }

        TempData["Message"] = "Le dossier est ouvert. Invitez les agents qui le suivront.";
        return Redirect($"/gestion/epci/commission/{result.Id}");
    }

    /// <summary>Puts a rule's message next to the field it is about.</summary>
    private static string FieldOf(string error) =>
        error.Contains("numéro", StringComparison.Ordinal) ? "Input.Nur"
        : error.Contains("organisme", StringComparison.Ordinal) ? "Input.ReferringBody"
        : error.Contains("ouverture", StringComparison.Ordinal) ? "Input.OpenedOn"
        : error.Contains("pièce", StringComparison.Ordinal) ? "Input.Checklist"
        : "Input.Reason";

    public sealed class CaseInput
    {
        [Display(Name = "numéro unique")]
        [Required(ErrorMessage = "Indiquez le numéro unique de la demande.")]
        public string? Nur { get; set; }

        [Display(Name = "motif")]
        [Required(ErrorMessage = "Choisissez le motif de la saisine.")]
        [EnumDataType(typeof(CaseReason), ErrorMessage = "Choisissez un motif de la liste.")]
        public CaseReason? Reason { get; set; }

        [Display(Name = "organisme")]
        [Required(ErrorMessage = "Indiquez l'organisme qui saisit la commission.")]
        [StringLength(CommissionRules.ReferringBodyMaxLength, ErrorMessage = "L'organisme tient en 200 caractères au plus.")]
        public string? ReferringBody { get; set; }

        [Display(Name = "date d'ouverture")]
        [Required(ErrorMessage = "Indiquez la date d'ouverture.")]
        public DateOnly? OpenedOn { get; set; }

        [Display(Name = "pièces attendues")]
        [StringLength(4000, ErrorMessage = "La liste des pièces tient en 4 000 caractères au plus.")]
        public string? Checklist { get; set; }
    }
}
