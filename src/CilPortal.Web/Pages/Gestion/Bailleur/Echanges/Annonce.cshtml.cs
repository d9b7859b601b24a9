using System.Security.Claims;
using CilPortal.Domain.Exchanges;
using CilPortal.Infrastructure.Audit;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Exchanges;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Bailleur.Echanges;

/// <summary>The agent validates a tenant's listing (or asks for a correction) and moderates the reports made on it.</summary>
public class AnnonceModel(CilPortalDbContext db, ExchangeService exchanges) : BailleurPageModel
{
    public ExchangeListing? Listing { get; private set; }

    public string CommuneName { get; private set; } = "";

    public IReadOnlyList<int> PhotoIds { get; private set; } = [];

    public IReadOnlyList<ListingReport> Reports { get; private set; } = [];

    [BindProperty]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, () => exchanges.ModerateListingAsync(BailleurId, id, true, null, Agent, cancellationToken), "Annonce publiée : le locataire est prévenu.", cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, () => exchanges.ModerateListingAsync(BailleurId, id, false, Note, Agent, cancellationToken), "Correction demandée : le locataire est prévenu.", cancellationToken);

    public Task<IActionResult> OnPostDismissAsync(int id, int reportId, CancellationToken cancellationToken) =>
        ActAsync(id, () => exchanges.HandleReportAsync(BailleurId, reportId, false, Agent, UserId, cancellationToken), "Signalement classé sans suite.", cancellationToken);

    public Task<IActionResult> OnPostUpholdAsync(int id, int reportId, CancellationToken cancellationToken) =>
        ActAsync(id, () => exchanges.HandleReportAsync(BailleurId, reportId, true, Agent, UserId, cancellationToken), "Annonce suspendue : le locataire est prévenu.", cancellationToken);

    private AuditActor Agent => new(User.Identity?.Name ?? "", HttpContext.Connection.RemoteIpAddress?.ToString());

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private async Task<IActionResult> ActAsync(int id, Func<Task<ExchangeResult>> action, string done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var result = await action();
        if (result.Succeeded)
        {
            TempData["Message"] = done;
            return Redirect($"/gestion/bailleur/echanges/annonces/{id}");
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var bailleurId = BailleurId;
        Listing = await db.ExchangeListings.AsNoTracking().Include(l => l.Member).ThenInclude(m => m!.Residence)
            .FirstOrDefaultAsync(l => l.Id == id && l.Member!.BailleurId == bailleurId, cancellationToken);
        if (Listing is null)
        {
            return false;
        }

        CommuneName = await db.Communes.Where(c => c.InseeCode == Listing.Member!.Residence!.CommuneInseeCode).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        PhotoIds = await db.ListingPhotos.Where(p => p.ListingId == id).OrderBy(p => p.Position).Select(p => p.Id).ToListAsync(cancellationToken);
        Reports = await db.ListingReports.AsNoTracking().Where(r => r.ListingId == id).OrderByDescending(r => r.CreatedAt).ToListAsync(cancellationToken);
        return true;
    }
}
