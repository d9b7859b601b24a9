using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CilPortal.Domain.Appointments;
using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Reception;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.RendezVous;

/// <summary>
/// Booking an appointment at a reception point, without an account: the place and the reason, a free slot,
/// then a name and a phone or an e-mail. A hidden field and the anti-robot check catch robots; posts are rate-limited.
/// </summary>
[EnableRateLimiting(RateLimits.PublicForm)]
[Captcha]
public class IndexModel(CilPortalDbContext db, AppointmentBooking booking, ILogger<IndexModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "lieu")]
    public int? PlaceId { get; set; }

    [BindProperty(SupportsGet = true, Name = "motif")]
    public InterviewReason? Reason { get; set; }

    /// <summary>The cancel token of an appointment being changed: cancelled once the new one is booked.</summary>
    [BindProperty(SupportsGet = true, Name = "remplace")]
    public string? Replaces { get; set; }

    [BindProperty]
    public BookingInput Input { get; set; } = new();

    public IReadOnlyList<CilPortal.Domain.Partners.ReceptionPoint> Places { get; private set; } = [];

    public IReadOnlyList<IGrouping<DateOnly, OfferedSlot>> Days { get; private set; } = [];

    public CilPortal.Domain.Partners.ReceptionPoint? Place => Places.FirstOrDefault(p => p.Id == PlaceId);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Place is null || Reason is null || !Enum.IsDefined(Reason.Value))
        {
            ModelState.AddModelError(string.Empty, "Choisissez d'abord le lieu et le motif du rendez-vous.");
            return Page();
        }

        if (!string.IsNullOrEmpty(Input.Website))
        {
            // Only robots fill the hidden field.
            logger.LogWarning("Réservation de rendez-vous refusée : champ piège rempli.");
            ModelState.AddModelError(string.Empty, "La réservation n'a pas pu être enregistrée. Réessayez.");
            return Page();
        }

        if (string.IsNullOrWhiteSpace(Input.Phone) && string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Phone", "Indiquez un téléphone ou une adresse e-mail pour être prévenu.");
        }

        DateTime? startsAt = DateTime.TryParseExact(Input.Slot, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
        if (Input.Slot is not null && startsAt is null)
        {
            ModelState.AddModelError("Input.Slot", "Choisissez un créneau dans la liste.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await booking.BookAsync(new BookingRequest(Place.Id, startsAt!.Value, Reason.Value, Input.Name!.Trim(),
            string.IsNullOrWhiteSpace(Input.Phone) ? null : Input.Phone.Trim(),
            string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim(), Replaces), cancellationToken);
        if (result.Error is not null)
        {
            ModelState.AddModelError("Input.Slot", result.Error);
            await LoadAsync(cancellationToken);
            return Page();
        }

        return Redirect($"/rendez-vous/annuler/{result.CancelToken}?confirme=1");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Places = await db.ReceptionPoints.AsNoTracking()
            .Where(r => db.AppointmentSchedules.Any(s => s.ReceptionPointId == r.Id))
            .OrderBy(r => r.Name).ToListAsync(cancellationToken);
        if (Place is not null)
        {
            Days = [.. (await booking.OfferAsync(Place.Id, cancellationToken)).Where(s => s.Remaining > 0).GroupBy(s => DateOnly.FromDateTime(s.StartsAt))];
        }
    }

    public sealed class BookingInput
    {
        [Display(Name = "créneau")]
        [Required(ErrorMessage = "Choisissez un créneau.")]
        public string? Slot { get; set; }

        [Display(Name = "nom")]
        [Required(ErrorMessage = "Indiquez votre nom et votre prénom.")]
        [StringLength(150, ErrorMessage = "Le nom ne doit pas dépasser 150 caractères.")]
        public string? Name { get; set; }

        [Display(Name = "téléphone")]
        [RegularExpression(ContactPatterns.Phone, ErrorMessage = ContactPatterns.PhoneMessage)]
        public string? Phone { get; set; }

        [Display(Name = "adresse e-mail")]
        [EmailAddress(ErrorMessage = "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.")]
        [StringLength(254, ErrorMessage = "L'adresse e-mail ne doit pas dépasser 254 caractères.")]
        public string? Email { get; set; }

        /// <summary>Honeypot: hidden from people, filled by robots.</summary>
        public string? Website { get; set; }
    }
}
