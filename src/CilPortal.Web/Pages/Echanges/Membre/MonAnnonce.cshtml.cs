using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CilPortal.Domain.Exchanges;
using CilPortal.Domain.Stock;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Statistics;
using CilPortal.Infrastructure.Exchanges;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Echanges.Membre;

/// <summary>
/// The listing editor: the dwelling offered (its commune and QPV come from the residence the bailleur verified) and the
/// dwelling wanted. Every save goes to the bailleur for validation; a published listing is hidden until validated again.
/// </summary>
public class MonAnnonceModel(ExchangeService exchanges, CilPortalDbContext db, CommuneNames communeNames) : MemberPageModel(exchanges)
{
    [BindProperty]
    public ListingInput Input { get; set; } = new();

    public ExchangeListing? Listing { get; private set; }

    public string ResidenceCommune { get; private set; } = "";

    public bool ResidenceInQpv { get; private set; }

    public IReadOnlyList<CommuneOption> Communes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Listing is not null)
        {
            Input = ListingInput.From(Listing);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var values = Input.ToListing(ModelState);
        if (!ModelState.IsValid || values is null)
        {
            return Page();
        }

        var result = await Exchanges.SaveListingAsync(Member.Id, values, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result);
            return Page();
        }

        TempData["Message"] = "Votre annonce est enregistrée et transmise à votre bailleur pour validation. Elle sera visible dès qu'il l'aura validée.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellationToken)
    {
        await Exchanges.WithdrawListingAsync(Member.Id, cancellationToken);
        TempData["Message"] = "Votre annonce est retirée : elle n'est plus visible. Enregistrez-la de nouveau pour la republier.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Listing = await db.ExchangeListings.AsNoTracking().Include(l => l.Photos.OrderBy(p => p.Position))
            .FirstOrDefaultAsync(l => l.MemberId == Member.Id, cancellationToken);
        Communes = await communeNames.InFrenchOrderAsync(cancellationToken);
        ResidenceCommune = (await communeNames.AllAsync(cancellationToken)).GetValueOrDefault(Member.Residence!.CommuneInseeCode, Member.Residence.CommuneInseeCode);
        ResidenceInQpv = Member.Residence!.IsInQpv;
    }

    /// <summary>The form as typed: amounts are text read the French way (« 612,50 »), so a typo gets a message, not a 0.</summary>
    public sealed class ListingInput
    {
        [Required(ErrorMessage = "Choisissez la typologie de votre logement.")]
        public Typology? Typology { get; set; }

        [Required(ErrorMessage = "Saisissez la surface habitable, en m².")]
        public string? Surface { get; set; }

        [Required(ErrorMessage = "Saisissez le loyer hors charges, en euros.")]
        public string? Rent { get; set; }

        [Required(ErrorMessage = "Saisissez les charges mensuelles, en euros (0 s'il n'y en a pas).")]
        public string? Charges { get; set; }

        [Required(ErrorMessage = "Saisissez l'étage (0 pour le rez-de-chaussée).")]
        [Range(0, 50, ErrorMessage = "L'étage est compris entre 0 (rez-de-chaussée) et 50.")]
        public int? Floor { get; set; }

        public bool HasLift { get; set; }

        public Accessibility Accessibility { get; set; }

        public bool HasOutdoorSpace { get; set; }

        public bool HasParking { get; set; }

        public HeatingKind Heating { get; set; }

        [StringLength(ExchangeListingRules.MaxDescriptionLength, ErrorMessage = "La description compte au plus 1 500 caractères.")]
        public string? Description { get; set; }

        public List<string> WantedCommunes { get; set; } = [];

        public List<Typology> WantedTypologies { get; set; } = [];

        public string? MaxRentWithCharges { get; set; }

        public string? MinSurface { get; set; }

        [Range(0, 50, ErrorMessage = "L'étage maximal sans ascenseur est compris entre 0 et 50.")]
        public int? MaxFloorWithoutLift { get; set; }

        public Accessibility RequiredAccessibility { get; set; }

        public List<ExchangeFeatures> MustHaves { get; set; } = [];

        public static ListingInput From(ExchangeListing listing) => new()
        {
            Typology = listing.Typology,
            Surface = listing.Surface.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR")),
            Rent = listing.Rent.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR")),
            Charges = listing.Charges.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR")),
            Floor = listing.Floor,
            HasLift = listing.HasLift,
            Accessibility = listing.Accessibility,
            HasOutdoorSpace = listing.HasOutdoorSpace,
            HasParking = listing.HasParking,
            Heating = listing.Heating,
            Description = listing.Description,
            WantedCommunes = [.. listing.WantedCommuneCodes],
            WantedTypologies = [.. listing.WantedTypologies.Members()],
            MaxRentWithCharges = listing.MaxRentWithCharges?.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR")),
            MinSurface = listing.MinSurface?.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR")),
            MaxFloorWithoutLift = listing.MaxFloorWithoutLift,
            RequiredAccessibility = listing.RequiredAccessibility,
            MustHaves = [.. Enum.GetValues<ExchangeFeatures>().Where(f => f != ExchangeFeatures.None && listing.MustHaves.HasFlag(f))],
        };

        /// <summary>The listing values, or null with the errors added to <paramref name="modelState"/>.</summary>
        public ExchangeListing? ToListing(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState)
        {
            ArgumentNullException.ThrowIfNull(modelState);
            decimal? Amount(string? text, string field, string message, bool required)
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    return null;
                }

                var value = FrenchAmount.TryParse(text);
                if (value is null)
                {
                    modelState.AddModelError($"Input.{field}", message);
                }

                return value;
            }

            var surface = Amount(Surface, nameof(Surface), "Saisissez la surface en chiffres, par exemple 64 ou 64,5.", true);
            var rent = Amount(Rent, nameof(Rent), "Saisissez le loyer en chiffres, par exemple 512,40.", true);
            var charges = Amount(Charges, nameof(Charges), "Saisissez les charges en chiffres, par exemple 85.", true);
            var maxRent = Amount(MaxRentWithCharges, nameof(MaxRentWithCharges), "Saisissez le loyer maximal en chiffres, par exemple 650.", false);
            var minSurface = Amount(MinSurface, nameof(MinSurface), "Saisissez la surface minimale en chiffres, par exemple 70.", false);
            if (!modelState.IsValid || Typology is null || surface is null || rent is null || charges is null || Floor is null)
            {
                return null;
            }

            return new ExchangeListing
            {
                Typology = Typology.Value,
                Surface = surface.Value,
                Rent = rent.Value,
                Charges = charges.Value,
                Floor = Floor.Value,
                HasLift = HasLift,
                Accessibility = Accessibility,
                HasOutdoorSpace = HasOutdoorSpace,
                HasParking = HasParking,
                Heating = Heating,
                Description = Description ?? "",
                WantedCommunes = string.Join(',', WantedCommunes.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.Ordinal)),
                WantedTypologies = WantedTypologies.Aggregate(TypologySet.None, (set, t) => set | (Enum.IsDefined(t) ? t.ToSet() : (TypologySet)64)),
                MaxRentWithCharges = maxRent,
                MinSurface = minSurface,
                MaxFloorWithoutLift = MaxFloorWithoutLift,
                RequiredAccessibility = RequiredAccessibility,
                MustHaves = MustHaves.Aggregate(ExchangeFeatures.None, (set, f) => set | f),
            };
        }
    }
}
