using CilPortal.Domain.Exchanges;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Exchanges;
using CilPortal.Web.Infrastructure;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Echanges.Membre;

/// <summary>The member's home in the marketplace: where the membership and the listing stand, what waits for an answer.</summary>
public class MonEspaceModel(ExchangeService exchanges, CilPortalDbContext db) : MemberPageModel(exchanges)
{
    protected override bool AllowsUnverifiedMember => true;

    public string BailleurName { get; private set; } = "";

    public ExchangeListing? Listing { get; private set; }

    public int AwaitingMyAnswer { get; private set; }

    public int OpenProposals { get; private set; }

    public int Favourites { get; private set; }

    [BindProperty]
    public PreferencesInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input = new PreferencesInput { ContactName = Member.ContactName, ContactPhone = Member.ContactPhone, AcceptsProposedChains = Member.AcceptsProposedChains };
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostPreferencesAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await Exchanges.UpdatePreferencesAsync(Member.Id, Input.ContactName, Input.ContactPhone, Input.AcceptsProposedChains, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = "Vos préférences sont enregistrées.";
                return RedirectToPage();
            }

            AddErrors(result);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostResumeAsync(CancellationToken cancellationToken)
    {
        await Exchanges.ResumeAsync(Member.Id, cancellationToken);
        TempData["Message"] = "Votre annonce est de nouveau visible et proposée aux autres locataires.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        BailleurName = await db.Bailleurs.Where(b => b.Id == Member.BailleurId).Select(b => b.Name).FirstAsync(cancellationToken);
        Listing = await db.ExchangeListings.AsNoTracking().FirstOrDefaultAsync(l => l.MemberId == Member.Id, cancellationToken);
        AwaitingMyAnswer = await db.ExchangeParticipants.CountAsync(p => p.MemberId == Member.Id && p.Answer == ParticipantAnswer.Pending
            && db.ExchangeProposals.Any(x => x.Id == p.ProposalId && x.Status == ProposalStatus.AwaitingAnswers), cancellationToken);
        OpenProposals = await db.ExchangeParticipants.CountAsync(p => p.MemberId == Member.Id
            && db.ExchangeProposals.Any(x => x.Id == p.ProposalId && (x.Status == ProposalStatus.AwaitingAnswers || x.Status == ProposalStatus.UnderReview)), cancellationToken);
        Favourites = await db.ExchangeFavourites.CountAsync(f => f.MemberId == Member.Id, cancellationToken);
    }

    public sealed class PreferencesInput
    {
        [Required(ErrorMessage = "Saisissez vos prénom et nom.")]
        [StringLength(100, ErrorMessage = "Le nom compte au plus 100 caractères.")]
        public string ContactName { get; set; } = "";

        [RegularExpression(ContactPatterns.Phone, ErrorMessage = ContactPatterns.PhoneMessage)]
        public string? ContactPhone { get; set; }

        public bool AcceptsProposedChains { get; set; }
    }
}
