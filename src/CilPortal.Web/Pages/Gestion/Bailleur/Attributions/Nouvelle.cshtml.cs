using System.ComponentModel.DataAnnotations;
using CilPortal.Domain.Allocations;
using CilPortal.Infrastructure.Allocations;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Bailleur.Attributions;

/// <summary>
/// Records the examination of one of the agent's dwellings in a CALEOL session: the candidates and the decision on
/// each. Fewer than 3 candidates (R441-3) need a reason; negative decisions need their reasons (L441-2-2).
/// </summary>
public class NouvelleModel(CilPortalDbContext db, CaleolService caleol, ParisClock clock) : BailleurPageModel
{
    public const int CandidateRows = 6;

    [BindProperty]
    public ExaminationInput Input { get; set; } = new();

    public IReadOnlyList<(int Id, string Name)> Reservataires { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync(int? logement, CancellationToken cancellationToken)
    {
        Input = new ExaminationInput { SessionDate = clock.Today };
        await LoadAsync(cancellationToken);
        if (logement is { } id)
        {
            Input.DwellingReference = await db.Dwellings.Where(d => d.Id == id && d.Residence!.BailleurId == BailleurId).Select(d => d.Reference).SingleOrDefaultAsync(cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var filled = Input.Candidates.Where(c => !string.IsNullOrWhiteSpace(c.Nur)).ToList();
        var dwellingId = await db.Dwellings.Where(d => d.Reference == (Input.DwellingReference ?? "").Trim() && d.Residence!.BailleurId == BailleurId)
            .Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken);
        if (Input.DwellingReference is not null && dwellingId is null)
        {
            ModelState.AddModelError("Input.DwellingReference", "Aucun logement de votre patrimoine ne porte cet identifiant.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await caleol.CreateExaminationAsync(BailleurId, new ExaminationDraft(
            dwellingId!.Value, Input.SessionDate!.Value, Input.ReservataireId!.Value, Input.FewerCandidatesReason,
            [.. filled.Select(c => new CandidateDecision(c.Nur!, c.Decision ?? 0, c.Rank, c.Reason))]), cancellationToken);
        if (!result.Succeeded)
        {
            Errors = result.Errors;
            return Page();
        }

        TempData["Message"] = CaleolRules.HasFewerCandidates(filled.Count)
            ? $"L'examen est enregistré avec {filled.Count} candidat(s) et la raison donnée (article R441-3). Les demandeurs voient la décision dans Ma demande."
            : "L'examen est enregistré. Les demandeurs voient la décision dans Ma demande.";
        return Redirect($"/gestion/bailleur/attributions/{result.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Reservataires = [.. (await caleol.ReservatairesFor(BailleurId).OrderBy(r => r.Kind).ThenBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken))
            .Select(r => (r.Id, r.Name))];
        while (Input.Candidates.Count < CandidateRows)
        {
            Input.Candidates.Add(new CandidateInput());
        }
    }

    public sealed class ExaminationInput
    {
        [Display(Name = "identifiant du logement")]
        [Required(ErrorMessage = "Indiquez l'identifiant du logement.")]
        [StringLength(50, ErrorMessage = "L'identifiant tient en 50 caractères.")]
        public string? DwellingReference { get; set; }

        [Display(Name = "date de la commission")]
        [Required(ErrorMessage = "Indiquez la date de la commission.")]
        public DateOnly? SessionDate { get; set; }

        [Display(Name = "contingent")]
        [Required(ErrorMessage = "Choisissez le réservataire.")]
        public int? ReservataireId { get; set; }

        [Display(Name = "raison")]
        [StringLength(CaleolRules.ReasonMaxLength, ErrorMessage = "La raison tient en 1 000 caractères.")]
        public string? FewerCandidatesReason { get; set; }

        public List<CandidateInput> Candidates { get; set; } = [];
    }

    public sealed class CandidateInput
    {
        [Display(Name = "numéro unique")]
        [StringLength(30, ErrorMessage = "Un numéro unique compte 18 caractères.")]
        public string? Nur { get; set; }

        [Display(Name = "décision")]
        public CaleolDecision? Decision { get; set; }

        [Display(Name = "rang")]
        [Range(1, 20, ErrorMessage = "Le rang va de 1 à 20.")]
        public int? Rank { get; set; }

        [Display(Name = "motifs")]
        [StringLength(CaleolRules.ReasonMaxLength, ErrorMessage = "Les motifs tiennent en 1 000 caractères.")]
        public string? Reason { get; set; }
    }
}
