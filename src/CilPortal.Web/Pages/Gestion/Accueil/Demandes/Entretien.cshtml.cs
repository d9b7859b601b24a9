using System.ComponentModel.DataAnnotations;
using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Identity;
using CilPortal.Infrastructure.Reception;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Accueil.Demandes;

/// <summary>Records an interview at one of the agent's reception points. The outcome is shown to the applicant; the notes are not.</summary>
public class EntretienModel(CilPortalDbContext db, DemandAccessAudit audit, ReceptionAgentPlaces agentPlaces, ParisClock clock, TimeProvider time) : PageModel
{
    [BindProperty]
    public InterviewInput Input { get; set; } = new();

    public string Nur { get; private set; } = "";

    public DemandAccessPurpose Purpose { get; private set; }

    public IReadOnlyList<(int Id, string Name)> Places { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string nur, string? motif, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(nur, motif, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Input = new InterviewInput { HeldOn = clock.Today, ReceptionPointId = Places.Count == 1 ? Places[0].Id : null };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string nur, string? motif, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(nur, motif, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (Input.ReceptionPointId is { } placeId && !Places.Any(p => p.Id == placeId))
        {
            ModelState.AddModelError("Input.ReceptionPointId", "Choisissez un de vos lieux d'accueil.");
        }

        if (Input.HeldOn is { } held && held > clock.Today)
        {
            ModelState.AddModelError("Input.HeldOn", "La date de l'entretien ne peut pas être dans le futur.");
        }

        if (Input.FollowUpOn is { } follow && Input.HeldOn is { } on && follow <= on)
        {
            ModelState.AddModelError("Input.FollowUpOn", "Le prochain point doit être après l'entretien.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var demandId = await db.Demands.Where(d => d.Nur == Nur).Select(d => d.Id).SingleAsync(cancellationToken);
        db.Interviews.Add(new Interview
        {
            DemandId = demandId,
            ReceptionPointId = Input.ReceptionPointId!.Value,
            HeldOn = Input.HeldOn!.Value,
            Reason = Input.Reason!.Value,
            Outcome = Input.Outcome!.Trim(),
            FollowUpOn = Input.FollowUpOn,
            Notes = string.IsNullOrWhiteSpace(Input.Notes) ? null : Input.Notes.Trim(),
            RecordedBy = User.Identity?.Name ?? "",
            RecordedAt = time.GetUtcNow(),
        });
        await audit.LogAsync(User.Identity?.Name, demandId, Purpose, "entretien", cancellationToken);
        TempData["Message"] = "L'entretien est noté. Le demandeur voit la suite donnée dans Ma demande, pas les notes internes.";
        return Redirect($"/gestion/accueil/demandes/{Nur}?motif={Purpose}");
    }

    private async Task<IActionResult?> PrepareAsync(string nur, string? motif, CancellationToken cancellationToken)
    {
        Nur = CilPortal.Domain.Demands.Nur.Normalise(nur);
        if (StaffDemandQuery.ParsePurpose(motif) is not { } purpose)
        {
            return Redirect($"/gestion/accueil/demandes/{Nur}");
        }

        Purpose = purpose;
        if (!await db.Demands.AnyAsync(d => d.Nur == Nur, cancellationToken))
        {
            return NotFound();
        }

        // An agent records interviews at the places they work at; the EPCI administrator at any place.
        Places = await agentPlaces.ForAsync(User, cancellationToken);
        return null;
    }

    public sealed class InterviewInput
    {
        [Display(Name = "date")]
        [Required(ErrorMessage = "Indiquez la date de l'entretien.")]
        public DateOnly? HeldOn { get; set; }

        [Display(Name = "lieu")]
        [Required(ErrorMessage = "Choisissez le lieu d'accueil.")]
        public int? ReceptionPointId { get; set; }

        [Display(Name = "motif")]
        [Required(ErrorMessage = "Choisissez le motif de l'entretien.")]
        [EnumDataType(typeof(InterviewReason), ErrorMessage = "Choisissez un motif de la liste.")]
        public InterviewReason? Reason { get; set; }

        [Display(Name = "suite donnée")]
        [Required(ErrorMessage = "Indiquez la suite donnée : le demandeur la lira.")]
        [StringLength(1000, ErrorMessage = "La suite donnée ne doit pas dépasser 1 000 caractères.")]
        public string? Outcome { get; set; }

        [Display(Name = "prochain point")]
        public DateOnly? FollowUpOn { get; set; }

        [Display(Name = "notes internes")]
        [StringLength(2000, ErrorMessage = "Les notes ne doivent pas dépasser 2 000 caractères.")]
        public string? Notes { get; set; }
    }
}
