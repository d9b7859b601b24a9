using System.Security.Claims;
using CilPortal.Domain.Exchanges;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Identity;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Echanges;

/// <summary>
/// A listing photo (re-encoded at upload, so its bytes are the portal's own): to verified members when the listing is online
/// or is their own, to the agents of the listing's bailleur. Anyone else gets 404.
/// </summary>
public class PhotoModel(CilPortalDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var photo = await db.ListingPhotos.AsNoTracking()
            .Where(p => p.Id == id)
            .Join(db.ExchangeListings, p => p.ListingId, l => l.Id, (p, l) => new { p.Content, p.ContentType, l.Status, l.MemberId, l.Member!.BailleurId, MemberStatus = l.Member.Status, l.Member.PausedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (photo is null || !await MayViewAsync(photo.Status, photo.MemberId, photo.BailleurId, photo.MemberStatus == MemberStatus.Verified && photo.PausedAt == null, cancellationToken))
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, max-age=3600";
        Response.Headers.ContentDisposition = "inline";
        return File(photo.Content, photo.ContentType);
    }

    private async Task<bool> MayViewAsync(ListingStatus status, int memberId, int bailleurId, bool memberActive, CancellationToken cancellationToken)
    {
        if (User.IsInRole(Roles.BailleurAgent))
        {
            return User.GetBailleurId() == bailleurId;
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var viewer = await db.ExchangeMembers.AsNoTracking().Where(m => m.UserId == userId).Select(m => new { m.Id, m.Status }).FirstOrDefaultAsync(cancellationToken);
        return viewer is not null && (viewer.Id == memberId || (viewer.Status == MemberStatus.Verified && status == ListingStatus.Published && memberActive));
    }
}
