using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CilPortal.Domain.Eligibility;
using CilPortal.Domain.Stock;
using CilPortal.Domain.Territory;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Statistics;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Simulateur;

public sealed record SimulationResult(HouseholdCategory Category, int Persons, IncomeCeilingZone Zone, decimal ReferenceIncome, int Year, IReadOnlyList<FinancingEligibility> Lines);

/// <summary>
/// Eligibility simulator: household and revenu fiscal de référence N-2 → category, zone and the PLAI /
/// PLUS / PLS answer with the ceilings used. Posted (the income stays out of addresses and logs), nothing stored.
/// </summary>
public class IndexModel(CilPortalDbContext db, CommuneNames communeNames, IncomeCeilings incomeCeilings, ParisClock clock) : PageModel
{
    public const int MaxAdults = 10;
    public const int MaxChildren = 15;
    public const int MaxPersons = 20;

    [BindProperty]
    public SimulatorInput Input { get; set; } = new();

    public IReadOnlyList<CommuneOption> Communes { get; private set; } = [];

    public SimulationResult? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadCommunesAsync(cancellationToken);

        // Pre-select the ville-centre (the commune of the first reception point) on the blank form only.
        Input.CommuneInseeCode = await db.ReceptionPoints.OrderBy(r => r.Id).Select(r => r.CommuneInseeCode).FirstOrDefaultAsync(cancellationToken)
            ?? (Communes.Count > 0 ? Communes[0].InseeCode : "");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadCommunesAsync(cancellationToken);
        var zone = await communeNames.ZoneOfAsync(Input.CommuneInseeCode, cancellationToken);
        if (zone is null)
        {
            ModelState.AddModelError("Input.CommuneInseeCode", "Choisissez la commune où vous cherchez un logement.");
        }

        var childAges = ParseAges(Input.ChildrenAges);
        var income = ParseEuros(Input.ReferenceIncome);
        if (!ModelState.IsValid || zone is null || childAges is null || income is null)
        {
            return Page();
        }

        var adults = Input.Adults!.Value;
        var dependants = childAges.Count + (Input.OtherDependants ?? 0);
        if (adults + dependants > MaxPersons)
        {
            ModelState.AddModelError("Input.Adults", $"Le simulateur compte au plus {MaxPersons} personnes. Pour un foyer plus grand, adressez-vous à un lieu d'accueil.");
            return Page();
        }

        var youngCouple = Input.Adults == 2 && dependants == 0 && Input is { FirstAdultAge: { } a1, SecondAdultAge: { } a2 } && HouseholdCategory.IsYoungCouple(a1, a2);
        var household = new HouseholdComposition(adults, dependants, Input.AnyoneDisabled, youngCouple);
        var category = HouseholdCategory.For(household);
        var year = clock.Today.Year;
        var scales = await incomeCeilings.ForAsync(zone.Value, year, cancellationToken);
        Result = new SimulationResult(category, household.Persons, zone.Value, income.Value, year, EligibilityCheck.Evaluate(category, income.Value, year, scales));
        return Page();
    }

    public static string ZoneLabel(IncomeCeilingZone zone) => zone switch
    {
        IncomeCeilingZone.ParisAndAdjoiningCommunes => "Paris et communes limitrophes",
        IncomeCeilingZone.RestOfIleDeFrance => "Île-de-France hors Paris et communes limitrophes",
        _ => "Autres régions",
    };

    public static string FinancingLabel(Financing financing) => financing switch
    {
        Financing.Plai => "PLAI — logements très sociaux",
        Financing.Plus => "PLUS — logements sociaux ordinaires",
        _ => "PLS — logements intermédiaires",
    };

    private async Task LoadCommunesAsync(CancellationToken cancellationToken) =>
        Communes = await communeNames.InFrenchOrderAsync(cancellationToken);

    private List<int>? ParseAges(string? text)
    {
        var ages = new List<int>();
        foreach (var part in (text ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var age) || age > 99)
            {
                ModelState.AddModelError("Input.ChildrenAges", "Indiquez l'âge de chaque enfant en années, séparés par des virgules (par exemple : 4, 9, 15).");
                return null;
            }

            ages.Add(age);
        }

        if (ages.Count > MaxChildren)
        {
            ModelState.AddModelError("Input.ChildrenAges", $"Le simulateur accepte au plus {MaxChildren} enfants. Pour un foyer plus grand, adressez-vous à un lieu d'accueil.");
            return null;
        }

        return ages;
    }

    private decimal? ParseEuros(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError("Input.ReferenceIncome", "Indiquez le revenu fiscal de référence de votre foyer (0 si vous n'avez pas de revenu).");
            return null;
        }

        if (FrenchAmount.TryParse(text) is not { } amount)
        {
            ModelState.AddModelError("Input.ReferenceIncome", "Le revenu fiscal de référence est un montant en euros, sans signe moins, par exemple 18 500.");
            return null;
        }

        if (amount > 10_000_000m)
        {
            ModelState.AddModelError("Input.ReferenceIncome", "Ce montant paraît trop élevé : vérifiez le revenu fiscal de référence saisi.");
            return null;
        }

        return Math.Round(amount, 0, MidpointRounding.AwayFromZero);
    }

    public sealed class SimulatorInput
    {
        [Display(Name = "nombre d'adultes")]
        [Required(ErrorMessage = "Indiquez le nombre d'adultes du foyer.")]
        [Range(1, MaxAdults, ErrorMessage = "Le foyer compte entre 1 et 10 adultes.")]
        public int? Adults { get; set; } = 1;

        [Display(Name = "âge des enfants")]
        public string? ChildrenAges { get; set; }

        [Display(Name = "autres personnes à charge")]
        [Range(0, MaxChildren, ErrorMessage = "Indiquez entre 0 et 15 autres personnes à charge.")]
        public int? OtherDependants { get; set; }

        [Display(Name = "votre âge")]
        [Range(16, 120, ErrorMessage = "L'âge d'un adulte est compris entre 16 et 120 ans.")]
        public int? FirstAdultAge { get; set; }

        [Display(Name = "âge de votre conjoint(e)")]
        [Range(16, 120, ErrorMessage = "L'âge d'un adulte est compris entre 16 et 120 ans.")]
        public int? SecondAdultAge { get; set; }

        [Display(Name = "situation de handicap")]
        public bool AnyoneDisabled { get; set; }

        [Display(Name = "revenu fiscal de référence")]
        public string? ReferenceIncome { get; set; }

        /// <summary>Nullable: the page checks it against the communes itself, with its own message.</summary>
        [Display(Name = "commune")]
        public string? CommuneInseeCode { get; set; } = "";
    }
}
