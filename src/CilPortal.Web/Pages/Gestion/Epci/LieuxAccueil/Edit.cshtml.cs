using System.ComponentModel.DataAnnotations;
using CilPortal.Domain.Information;
using CilPortal.Domain.Partners;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Statistics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Epci.LieuxAccueil;

/// <summary>Creates or edits a reception point, its weekly timetable and its closures, in one transaction.</summary>
public class EditModel(CilPortalDbContext db, CommuneNames communeNames) : PageModel
{
    public const int ClosureRows = 4;

    [BindProperty]
    public PlaceInput Input { get; set; } = new();

    public IReadOnlyList<CommuneOption> Communes { get; private set; } = [];

    public bool IsNew { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        IsNew = id is null;
        if (id is not null)
        {
            var place = await Load(id.Value, cancellationToken);
            if (place is null)
            {
                return NotFound();
            }

            Input = PlaceInput.From(place);
        }

        Input.PadClosures(ClosureRows);
        await LoadCommunesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        IsNew = id is null;
        var place = id is null ? new ReceptionPoint() : await Load(id.Value, cancellationToken);
        if (place is null)
        {
            return NotFound();
        }

        await LoadCommunesAsync(cancellationToken);
        if (!Communes.Any(c => c.InseeCode == Input.CommuneInseeCode))
        {
            ModelState.AddModelError("Input.CommuneInseeCode", "Choisissez une commune de l'intercommunalité.");
        }

        if (Input.LatitudeValue is < -90 or > 90 || Input.LongitudeValue is < -180 or > 180)
        {
            ModelState.AddModelError("Input.Latitude", "La position est hors des limites : latitude entre -90 et 90, longitude entre -180 et 180.");
        }

        var slots = Input.Slots();
        foreach (var problem in OpeningHours.Validate(slots))
        {
            ModelState.AddModelError(string.Empty, problem);
        }

        foreach (var (closure, index) in Input.Closures.Select((c, i) => (c, i)))
        {
            foreach (var problem in closure.Problems(index + 1))
            {
                ModelState.AddModelError(string.Empty, problem);
            }
        }

        if (!ModelState.IsValid)
        {
            Input.PadClosures(ClosureRows);
            return Page();
        }

        if (id is not null && !db.ExpectVersion(place, Input.RowVersion))
        {
            ModelState.AddModelError(string.Empty, Concurrency.Message);
            Input.PadClosures(ClosureRows);
            return Page();
        }

        Input.ApplyTo(place, slots);
        if (id is null)
        {
            db.ReceptionPoints.Add(place);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, Concurrency.Message);
            Input.PadClosures(ClosureRows);
            return Page();
        }

        TempData["Message"] = $"« {place.Name} » est enregistré.";
        return RedirectToPage("Index");
    }

    private Task<ReceptionPoint?> Load(int id, CancellationToken cancellationToken) =>
        db.ReceptionPoints.Include(r => r.OpeningSlots).Include(r => r.Closures).AsSplitQuery().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    private async Task LoadCommunesAsync(CancellationToken cancellationToken) =>
        Communes = await communeNames.InFrenchOrderAsync(cancellationToken);

    public sealed class PlaceInput
    {
        /// <summary>The version the form was drawn from (hidden field): a save from an older one is refused.</summary>
        public int? RowVersion { get; set; }

        [Display(Name = "nom")]
        [Required(ErrorMessage = "Saisissez le nom du lieu.")]
        [StringLength(150, ErrorMessage = "Le nom ne doit pas dépasser 150 caractères.")]
        public string Name { get; set; } = "";

        [Display(Name = "adresse")]
        [Required(ErrorMessage = "Saisissez l'adresse.")]
        [StringLength(250, ErrorMessage = "L'adresse ne doit pas dépasser 250 caractères.")]
        public string Address { get; set; } = "";

        [Display(Name = "code postal")]
        [Required(ErrorMessage = "Saisissez le code postal.")]
        [RegularExpression("^[0-9]{5}$", ErrorMessage = "Le code postal compte 5 chiffres.")]
        public string PostalCode { get; set; } = "";

        [Display(Name = "commune")]
        [Required(ErrorMessage = "Choisissez la commune.")]
        public string CommuneInseeCode { get; set; } = "";

        [Display(Name = "information")]
        public bool OffersInformation { get; set; } = true;

        [Display(Name = "enregistrement")]
        public bool OffersRegistration { get; set; }

        [Display(Name = "accompagnement")]
        public bool OffersAccompaniment { get; set; }

        [Display(Name = "téléphone")]
        [RegularExpression(@"^(\+33 ?|0)[1-9]( ?[0-9]{2}){4}$", ErrorMessage = "Saisissez un numéro de téléphone français, par exemple 04 68 00 00 00.")]
        public string? Phone { get; set; }

        [Display(Name = "courriel")]
        [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valable.")]
        [StringLength(254, ErrorMessage = "L'adresse électronique est trop longue.")]
        public string? Email { get; set; }

        [Display(Name = "accessible en fauteuil roulant")]
        public bool IsWheelchairAccessible { get; set; }

        [Display(Name = "précisions d'accessibilité")]
        [StringLength(500, ErrorMessage = "Les précisions d'accessibilité ne doivent pas dépasser 500 caractères.")]
        public string? AccessibilityDetails { get; set; }

        [Display(Name = "informations pratiques")]
        [StringLength(500, ErrorMessage = "Les informations pratiques ne doivent pas dépasser 500 caractères.")]
        public string? Notes { get; set; }

        /// <summary>Typed as text: OpenStreetMap gives 43.1836, a French keyboard 43,1836; both are read.</summary>
        [Display(Name = "latitude")]
        [RegularExpression(@"^-?[0-9]{1,2}([.,][0-9]{1,7})?$", ErrorMessage = "La latitude s'écrit en degrés décimaux, par exemple 43.1836.")]
        public string? Latitude { get; set; }

        [Display(Name = "longitude")]
        [RegularExpression(@"^-?[0-9]{1,3}([.,][0-9]{1,7})?$", ErrorMessage = "La longitude s'écrit en degrés décimaux, par exemple 3.0043.")]
        public string? Longitude { get; set; }

        public double? LatitudeValue => Coordinate(Latitude);

        public double? LongitudeValue => Coordinate(Longitude);

        private static double? Coordinate(string? text) =>
            double.TryParse(text?.Replace(',', '.'), System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

        /// <summary>Two slots a day, Monday first: morning and afternoon.</summary>
        public List<DayInput> Days { get; set; } = [.. OpeningHours.WeekFromMonday.Select(d => new DayInput { Day = d })];

        public List<ClosureInput> Closures { get; set; } = [];

        public static PlaceInput From(ReceptionPoint place)
        {
            var input = new PlaceInput
            {
                RowVersion = place.RowVersion,
                Name = place.Name,
                Address = place.Address,
                PostalCode = place.PostalCode,
                CommuneInseeCode = place.CommuneInseeCode,
                OffersInformation = place.Services.HasFlag(ReceptionServices.Information),
                OffersRegistration = place.Services.HasFlag(ReceptionServices.Registration),
                OffersAccompaniment = place.Services.HasFlag(ReceptionServices.Accompaniment),
                Phone = place.Phone,
                Email = place.Email,
                IsWheelchairAccessible = place.IsWheelchairAccessible,
                AccessibilityDetails = place.AccessibilityDetails,
                Notes = place.Notes,
                Latitude = place.Latitude?.ToString("0.#######", System.Globalization.CultureInfo.InvariantCulture),
                Longitude = place.Longitude?.ToString("0.#######", System.Globalization.CultureInfo.InvariantCulture),
                Closures = [.. place.Closures.OrderBy(c => c.From).Select(c => new ClosureInput { From = c.From, To = c.To, Reason = c.Reason })],
            };
            foreach (var day in input.Days)
            {
                var slots = place.OpeningSlots.Where(s => s.Day == day.Day).OrderBy(s => s.Opens).ToList();
                day.MorningOpens = slots.ElementAtOrDefault(0)?.Opens;
                day.MorningCloses = slots.ElementAtOrDefault(0)?.Closes;
                day.AfternoonOpens = slots.ElementAtOrDefault(1)?.Opens;
                day.AfternoonCloses = slots.ElementAtOrDefault(1)?.Closes;
            }

            return input;
        }

        public void PadClosures(int rows)
        {
            while (Closures.Count < rows)
            {
                Closures.Add(new ClosureInput());
            }
        }

        public List<OpeningSlot> Slots() =>
            [.. Days.SelectMany(d => d.Slots())];

        public void ApplyTo(ReceptionPoint place, List<OpeningSlot> slots)
        {
            place.Name = Name.Trim();
            place.Address = Address.Trim();
            place.PostalCode = PostalCode;
            place.CommuneInseeCode = CommuneInseeCode;
            place.Services = (OffersInformation ? ReceptionServices.Information : ReceptionServices.None)
                | (OffersRegistration ? ReceptionServices.Registration : ReceptionServices.None)
                | (OffersAccompaniment ? ReceptionServices.Accompaniment : ReceptionServices.None);
            place.Phone = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim();
            place.Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();
            place.IsWheelchairAccessible = IsWheelchairAccessible;
            place.AccessibilityDetails = string.IsNullOrWhiteSpace(AccessibilityDetails) ? null : AccessibilityDetails.Trim();
            place.Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();
            place.Latitude = LatitudeValue;
            place.Longitude = LongitudeValue;
            place.OpeningSlots.Clear();
            place.OpeningSlots.AddRange(slots);
            place.Closures.Clear();
            place.Closures.AddRange(Closures.Where(c => !c.IsEmpty).Select(c => new ReceptionClosure { From = c.From!.Value, To = c.To!.Value, Reason = c.Reason!.Trim() }));
        }
    }

    public sealed class DayInput
    {
        public DayOfWeek Day { get; set; }

        [Display(Name = "ouverture du matin")]
        public TimeOnly? MorningOpens { get; set; }

        [Display(Name = "fermeture du matin")]
        public TimeOnly? MorningCloses { get; set; }

        [Display(Name = "ouverture de l'après-midi")]
        public TimeOnly? AfternoonOpens { get; set; }

        [Display(Name = "fermeture de l'après-midi")]
        public TimeOnly? AfternoonCloses { get; set; }

        public string Name => OpeningHours.FrenchDayName(Day);

        /// <summary>A slot with only one of its two times is kept as a reversed slot, so that validation reports it.</summary>
        public IEnumerable<OpeningSlot> Slots()
        {
            foreach (var (opens, closes) in new[] { (MorningOpens, MorningCloses), (AfternoonOpens, AfternoonCloses) })
            {
                if (opens is null && closes is null)
                {
                    continue;
                }

                yield return new OpeningSlot { Day = Day, Opens = opens ?? TimeOnly.MaxValue, Closes = closes ?? TimeOnly.MinValue };
            }
        }
    }

    public sealed class ClosureInput
    {
        [Display(Name = "date de début")]
        public DateOnly? From { get; set; }

        [Display(Name = "date de fin")]
        public DateOnly? To { get; set; }

        [StringLength(200, ErrorMessage = "Le motif d'une fermeture ne doit pas dépasser 200 caractères.")]
        public string? Reason { get; set; }

        public bool IsEmpty => From is null && To is null && string.IsNullOrWhiteSpace(Reason);

        public IEnumerable<string> Problems(int row)
        {
            if (IsEmpty)
            {
                yield break;
            }

            if (From is null || To is null || string.IsNullOrWhiteSpace(Reason))
            {
                yield return $"Fermeture {row} : indiquez la date de début, la date de fin et le motif.";
            }
            else if (To < From)
            {
                yield return $"Fermeture {row} : la date de fin doit être après la date de début.";
            }
        }
    }
}
