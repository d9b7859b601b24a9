using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Exchanges;
using CilPortal.Infrastructure.Uploads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Echanges.Membre;

/// <summary>
/// Up to six photos of the member's dwelling. Each file is checked by its content (JPEG, PNG or WebP, at most 5 MB), then
/// re-encoded by the portal with its metadata (place, camera, date) removed; only the re-encoded image is kept. Adding or
/// removing a photo sends a published listing back to the bailleur for validation.
/// </summary>
[RequestSizeLimit(PhotosModel.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = PhotosModel.RequestLimit)]
public class PhotosModel(ExchangeService exchanges, CilPortalDbContext db, ImageSanitizer sanitizer) : MemberPageModel(exchanges)
{
    /// <summary>A little above the 5 MB allowed, so that the sanitiser, not the server, says the file is too big.</summary>
    public const long RequestLimit = 6 * 1024 * 1024;

    public IReadOnlyList<int> PhotoIds { get; private set; } = [];

    public bool HasListing { get; private set; }

    [BindProperty]
    public IFormFile? Photo { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Photo is null || Photo.Length == 0)
        {
            ModelState.AddModelError(nameof(Photo), "Choisissez une photo à envoyer.");
            await LoadAsync(cancellationToken);
            return Page();
        }

        await using var stream = Photo.OpenReadStream();
        var sanitized = await sanitizer.SanitizeAsync(stream, cancellationToken);
        if (!sanitized.Succeeded)
        {
            ModelState.AddModelError(nameof(Photo), sanitized.Error!);
            await LoadAsync(cancellationToken);
            return Page();
        }

        var image = sanitized.Image!;
        var result = await Exchanges.AddPhotoAsync(Member.Id, image.Content, image.ContentType, image.Width, image.Height, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result, "");
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Message"] = "Photo ajoutée. Votre annonce est transmise à votre bailleur pour validation.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int photoId, CancellationToken cancellationToken)
    {
        await Exchanges.RemovePhotoAsync(Member.Id, photoId, cancellationToken);
        TempData["Message"] = "Photo retirée.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var listingId = await db.ExchangeListings.Where(l => l.MemberId == Member.Id).Select(l => (int?)l.Id).FirstOrDefaultAsync(cancellationToken);
        HasListing = listingId is not null;
        PhotoIds = listingId is null ? [] : await db.ListingPhotos.Where(p => p.ListingId == listingId).OrderBy(p => p.Position).Select(p => p.Id).ToListAsync(cancellationToken);
    }
}
