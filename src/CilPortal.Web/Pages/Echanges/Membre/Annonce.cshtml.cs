using CilPortal.Domain.Exchanges;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Exchanges;
using CilPortal.Infrastructure.Statistics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Echanges.Membre;

/// <summary>One published listing, seen by another member: the dwelling, what its household wants, and why it suits (or not).</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(CilPortal.Web.Infrastructure.RateLimits.AccountForm)]
public class AnnonceModel(ExchangeService exchanges, ExchangeQueries queries, CilPortalDbContext db, CommuneNames communeNames) : MemberPageModel(exchanges)
{
    public ListingSummary? Listing { get; private set; }

    public ExchangeListing? Details { get; private set; }

    public IReadOnlyList<int> PhotoIds { get; private set; } = [];

    public ExchangeLegExplanation? ForMe { get; private set; }

    public bool IsFavourite { get; private set; }

    public bool IsMine { get; private set; }

    public IReadOnlyList<string> WantedCommuneNames { get; private set; } = [];

    [BindProperty]
    public ReportReason? Reason { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostFavouriteAsync(int id, CancellationToken cancellationToken)
    {
        var added = await Exchanges.ToggleFavouriteAsync(Member.Id, id, cancellationToken);
        TempData["Message"] = added ? "Annonce ajoutée à vos favoris." : "Annonce retirée de vos favoris.";
        return Redirect($"/echanges/annonces/{id}");
    }

    public async Task<IActionResult> OnPostReportAsync(int id, CancellationToken cancellationToken)
    {
        var result = Reason is null
            ? ExchangeResult.Refused("Reason", "Choisissez le motif du signalement.")
            : await Exchanges.ReportAsync(Member.Id, id, Reason.Value, Comment, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = "Merci : le bailleur de ce locataire examine votre signalement.";
            return Redirect($"/echanges/annonces/{id}");
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var found = await queries.SummariesAsync([id], cancellationToken);
        Listing = found.Count > 0 ? found[0] : null;
        if (Listing is null)
        {
            return false;
        }

        Details = await db.ExchangeListings.AsNoTracking().Include(l => l.Member).ThenInclude(m => m!.Residence).FirstAsync(l => l.Id == id, cancellationToken);
        IsMine = Details.MemberId == Member.Id;
        PhotoIds = await db.ListingPhotos.Where(p => p.ListingId == id).OrderBy(p => p.Position).Select(p => p.Id).ToListAsync(cancellationToken);
        IsFavourite = await db.ExchangeFavourites.AnyAsync(f => f.MemberId == Member.Id && f.ListingId == id, cancellationToken);
        var communes = await communeNames.AllAsync(cancellationToken);
        WantedCommuneNames = [.. Details.WantedCommuneCodes.Select(c => communes.GetValueOrDefault(c, c)).Order(CommuneNames.FrenchOrder)];
        var mine = await queries.OwnListingAsync(Member.Id, cancellationToken);
        if (mine is not null && !IsMine)
        {
            var theirs = Details.ToCandidate(Details.Member!.BailleurId, Details.Member.Residence!.CommuneInseeCode, Details.Member.Residence.IsInQpv);
            ForMe = ExchangeCriteria.Explain(mine.Wish, theirs.Offered, Listing.Pseudonym, code => communes.GetValueOrDefault(code, code));
        }

        return true;
    }
}
