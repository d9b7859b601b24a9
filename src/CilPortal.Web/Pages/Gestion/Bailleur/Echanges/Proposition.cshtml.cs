using CilPortal.Domain.Exchanges;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Exchanges;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Bailleur.Echanges;

/// <summary>
/// An exchange seen by a bailleur involved in it: for each household entering one of its dwellings, the agent records the
/// review (occupation, adaptation, arrears) then the CALEOL decision; an involved bailleur may cancel with a reason. The
/// demand number of a household is shown only to the bailleur it moves to, or whose tenant it is.
/// </summary>
public class PropositionModel(CilPortalDbContext db, ExchangeService exchanges) : BailleurPageModel
{
    public ExchangeProposal Proposal { get; private set; } = null!;

    public IReadOnlyDictionary<int, string> BailleurNames { get; private set; } = new Dictionary<int, string>();

    public IReadOnlyDictionary<int, string> ListingTitles { get; private set; } = new Dictionary<int, string>();

    [BindProperty]
    public Guid Version { get; set; }

    [BindProperty]
    public int ParticipantId { get; set; }

    [BindProperty]
    public CheckOutcome Occupation { get; set; }

    [BindProperty]
    public CheckOutcome Adaptation { get; set; }

    [BindProperty]
    public CheckOutcome Arrears { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public ExchangeCaleolDecision Decision { get; set; }

    [BindProperty]
    public DateOnly? DecidedOn { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public int MyBailleurId => BailleurId;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostReviewAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, () => exchanges.ReviewParticipantAsync(BailleurId, ParticipantId, new ParticipantReview(Occupation, Adaptation, Arrears, Note), Version, cancellationToken), "Examen enregistré.", cancellationToken);

    public Task<IActionResult> OnPostCaleolAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, () => exchanges.RecordCaleolAsync(BailleurId, ParticipantId, Decision, DecidedOn, Version, cancellationToken), "Décision de la commission enregistrée.", cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, () => exchanges.CancelAsync(BailleurId, id, Reason ?? "", Version, cancellationToken), "Échange annulé : les ménages sont prévenus.", cancellationToken);

    private async Task<IActionResult> ActAsync(int id, Func<Task<ExchangeResult>> action, string done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.ChangeTracker.Clear();
        var result = await action();
        if (result.Succeeded)
        {
            TempData["Message"] = done;
            return Redirect($"/gestion/bailleur/echanges/propositions/{id}");
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }

        db.ChangeTracker.Clear();
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var proposal = await exchanges.LoadProposalAsync(id, cancellationToken);
        if (proposal is null || !await exchanges.InvolvesBailleurAsync(proposal, BailleurId, cancellationToken))
        {
            return false;
        }

        Proposal = proposal;
        if (Request.Method == HttpMethods.Get)
        {
            Version = proposal.Version;
        }

        var bailleurIds = proposal.Participants.Select(p => p.ReceivingBailleurId).Concat(proposal.Participants.Select(p => p.Member!.BailleurId)).Distinct().ToList();
        BailleurNames = await db.Bailleurs.Where(b => bailleurIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);
        var listingIds = proposal.Participants.Select(p => p.ListingId).ToList();
        var listings = await db.ExchangeListings.AsNoTracking().Where(l => listingIds.Contains(l.Id))
            .Select(l => new { l.Id, l.Typology, l.Surface, Residence = l.Member!.Residence!.Name })
            .ToListAsync(cancellationToken);
        ListingTitles = listings.ToDictionary(l => l.Id, l => $"{l.Typology} de {l.Surface:0.#} m², résidence {l.Residence}");
        return true;
    }

    public ExchangeParticipant NextOf(ExchangeParticipant participant) =>
        Proposal.Participants.First(p => p.Position == ExchangeWorkflow.NextPosition(participant.Position, Proposal.Participants.Count));

    /// <summary>The demand number and name are for the bailleur the household moves to, or whose tenant it is.</summary>
    public bool MaySeeIdentity(ExchangeParticipant participant) =>
        participant.ReceivingBailleurId == BailleurId || participant.Member!.BailleurId == BailleurId;
}
