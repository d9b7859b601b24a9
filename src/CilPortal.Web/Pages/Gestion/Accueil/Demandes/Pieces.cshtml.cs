using System.ComponentModel.DataAnnotations;
using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Reception;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Accueil.Demandes;

/// <summary>The documents received for a demand (a checklist, no file kept) and the contact details given at the desk.</summary>
public class PiecesModel(CilPortalDbContext db, DemandAccessAudit audit, CilPortal.Infrastructure.Scoring.ScoringService scoring, ParisClock clock) : PageModel
{
    public string Nur { get; private set; } = "";

    public DemandAccessPurpose Purpose { get; private set; }

    public IReadOnlyDictionary<DocumentKind, DateOnly> Received { get; private set; } = new Dictionary<DocumentKind, DateOnly>();

    [BindProperty]
    public List<DocumentKind> Documents { get; set; } = [];

    /// <summary>Situations justified by the documents: they count in the cotation.</summary>
    [BindProperty]
    public List<CilPortal.Domain.Scoring.DemandSituations> Situations { get; set; } = [];

    public CilPortal.Domain.Scoring.DemandSituations CurrentSituations { get; private set; }

    [BindProperty]
    [Display(Name = "adresse e-mail")]
    [EmailAddress(ErrorMessage = "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.")]
    [StringLength(254, ErrorMessage = "L'adresse e-mail ne doit pas dépasser 254 caractères.")]
    public string? Email { get; set; }

    [BindProperty]
    [Display(Name = "téléphone")]
    [RegularExpression(ContactPatterns.Phone, ErrorMessage = ContactPatterns.PhoneMessage)]
    public string? Phone { get; set; }

    public async Task<IActionResult> OnGetAsync(string nur, string? motif, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(nur, motif, cancellationToken) is not { } demand)
        {
            return Redirect($"/gestion/accueil/demandes/{Nur}");
        }

        Email = demand.NoticeEmail;
        Phone = demand.PortalPhone ?? demand.ContactPhone;
        await audit.LogAsync(User.Identity?.Name, demand.Id, Purpose, "pieces-consultation", cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string nur, string? motif, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(nur, motif, cancellationToken) is not { } demand)
        {
            return Redirect($"/gestion/accueil/demandes/{Nur}");
        }

        if (!ModelState.IsValid)
        {
            // Show what was ticked, not what is stored, so that fixing the address does not lose the ticks.
            Received = Documents.Where(Enum.IsDefined).Distinct().ToDictionary(k => k, k => Received.TryGetValue(k, out var on) ? on : clock.Today);
            CurrentSituations = Situations.Where(Enum.IsDefined).Aggregate(CilPortal.Domain.Scoring.DemandSituations.None, (all, x) => all | x);
            return Page();
        }

        // Checked in person at the desk: the address is used at once, without a confirmation link.
        var email = Email?.Trim();
        demand.PortalEmail = string.IsNullOrEmpty(email) || string.Equals(email, demand.ContactEmail, StringComparison.OrdinalIgnoreCase) ? null : email;
        demand.PendingPortalEmail = null;
        demand.PendingPortalEmailTokenHash = null;
        demand.PendingPortalEmailSentAt = null;
        var phone = Phone?.Trim();
        demand.PortalPhone = string.IsNullOrEmpty(phone) || phone == demand.ContactPhone ? null : phone;

        var situations = Situations.Where(x => x != CilPortal.Domain.Scoring.DemandSituations.None && Enum.IsDefined(x))
            .Aggregate(CilPortal.Domain.Scoring.DemandSituations.None, (all, x) => all | x);
        var situationsChanged = situations != demand.Situations;
        demand.Situations = situations;

        var chosen = Documents.Where(Enum.IsDefined).ToHashSet();
        var current = await db.DemandDocuments.Where(d => d.DemandId == demand.Id).ToListAsync(cancellationToken);
        db.DemandDocuments.RemoveRange(current.Where(d => !chosen.Contains(d.Kind)));
        db.DemandDocuments.AddRange(chosen.Where(k => current.All(d => d.Kind != k)).Select(k => new DemandDocument { DemandId = demand.Id, Kind = k, ReceivedOn = clock.Today, RecordedBy = User.Identity?.Name ?? "" }));
        await db.SaveChangesAsync(cancellationToken);
        await audit.LogAsync(User.Identity?.Name, demand.Id, Purpose, "pieces", cancellationToken);
        if (situationsChanged)
        {
            await scoring.RefreshDemandAsync(demand.Id, clock.Today, cancellationToken);
        }

        TempData["Message"] = situationsChanged ? "Les pièces, les situations et les coordonnées sont enregistrées ; la cotation est recalculée." : "Les pièces reçues et les coordonnées sont enregistrées.";
        return Redirect($"/gestion/accueil/demandes/{Nur}?motif={Purpose}");
    }

    private async Task<Demand?> PrepareAsync(string nur, string? motif, CancellationToken cancellationToken)
    {
        Nur = CilPortal.Domain.Demands.Nur.Normalise(nur);
        if (StaffDemandQuery.ParsePurpose(motif) is not { } purpose)
        {
            return null;
        }

        Purpose = purpose;
        var demand = await db.Demands.SingleOrDefaultAsync(d => d.Nur == Nur, cancellationToken);
        if (demand is not null)
        {
            CurrentSituations = demand.Situations;
            Received = await db.DemandDocuments.AsNoTracking().Where(d => d.DemandId == demand.Id).ToDictionaryAsync(d => d.Kind, d => d.ReceivedOn, cancellationToken);
        }

        return demand;
    }
}
