using System.ComponentModel.DataAnnotations;
using CilPortal.Domain.Exchanges;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Exchanges;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Echanges.Membre.Propositions;

/// <summary>
/// The exchange tracker, the same for every participant: who moves where, each answer, each bailleur's review and CALEOL
/// decision with dates, the final state, and the messages. Contact details appear only once every participant shares them.
/// A proposal the member is not part of answers 404.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(CilPortal.Web.Infrastructure.RateLimits.AccountForm)]
public class DetailModel(ExchangeService exchanges, CilPortalDbContext db) : MemberPageModel(exchanges)
{
    public ExchangeProposal Proposal { get; private set; } = null!;

    public ExchangeParticipant Me { get; private set; } = null!;

    public bool ContactsShared { get; private set; }

    public IReadOnlyDictionary<int, string> BailleurNames { get; private set; } = new Dictionary<int, string>();

    public IReadOnlyDictionary<int, string> ListingTitles { get; private set; } = new Dictionary<int, string>();

    [BindProperty]
    public string? Nur { get; set; }

    [BindProperty]
    public bool SharesContact { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, () => Exchanges.AnswerAsync(Member.Id, id, true, Nur, SharesContact, cancellationToken), "Vous avez accepté la proposition.", cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, () => Exchanges.AnswerAsync(Member.Id, id, false, null, false, cancellationToken), "Vous avez décliné la proposition.", cancellationToken);

    public Task<IActionResult> OnPostContactAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, () => Exchanges.ShareContactAsync(Member.Id, id, SharesContact, cancellationToken), SharesContact ? "Vous acceptez de partager vos coordonnées." : "Vos coordonnées ne sont plus partagées.", cancellationToken);

    public Task<IActionResult> OnPostMessageAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, () => Exchanges.PostMessageAsync(Member.Id, id, Body ?? "", cancellationToken), "Message envoyé.", cancellationToken);

    private async Task<IActionResult> ActAsync(int id, Func<Task<ExchangeResult>> action, string done, CancellationToken cancellationToken)
    {
        if (!await db.ExchangeParticipants.AnyAsync(p => p.ProposalId == id && p.MemberId == Member.Id, cancellationToken))
        {
            return NotFound();
        }

        var result = await action();
        if (result.Succeeded)
        {
            TempData["Message"] = done;
            return Redirect($"/echanges/propositions/{id}");
        }

        db.ChangeTracker.Clear();
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var proposal = await Exchanges.LoadProposalAsync(id, cancellationToken);
        var me = proposal?.Participants.FirstOrDefault(p => p.MemberId == Member.Id);
        if (proposal is null || me is null)
        {
            return false;
        }

        Proposal = proposal;
        Me = me;
        ContactsShared = ExchangeWorkflow.ContactsShared(proposal.Participants);
        var bailleurIds = proposal.Participants.Select(p => p.ReceivingBailleurId).ToList();
        BailleurNames = await db.Bailleurs.Where(b => bailleurIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);
        var listingIds = proposal.Participants.Select(p => p.ListingId).ToList();
        var listings = await db.ExchangeListings.AsNoTracking().Where(l => listingIds.Contains(l.Id))
            .Select(l => new { l.Id, l.Typology, l.Surface, Commune = db.Communes.Where(c => c.InseeCode == l.Member!.Residence!.CommuneInseeCode).Select(c => c.Name).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        ListingTitles = listings.ToDictionary(l => l.Id, l => $"{l.Typology} de {l.Surface:0.#} m² à {l.Commune}");
        SharesContact = me.SharesContact;
        return true;
    }

    public ExchangeParticipant NextOf(ExchangeParticipant participant) =>
        Proposal.Participants.First(p => p.Position == ExchangeWorkflow.NextPosition(participant.Position, Proposal.Participants.Count));

    public string NameOf(ExchangeParticipant participant) =>
        participant.MemberId == Member.Id ? "Vous" : ContactsShared ? $"{participant.Member!.ContactName} ({participant.Member.Pseudonym})" : participant.Member!.Pseudonym;
}
