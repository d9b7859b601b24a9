using System.ComponentModel.DataAnnotations;
using CilPortal.Domain.Demands;
using CilPortal.Domain.Stock;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Statistics;
using CilPortal.Infrastructure.Demands;
using CilPortal.Infrastructure.Reception;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Accueil;

/// <summary>
/// Registers a demand at the desk (« guichet enregistreur »), when the portal is the territory's shared file: the
/// agent types the household, resources, current home and wishes; the demand gets its number and the applicant
/// leaves with the information sheet and its access code.
/// </summary>
public class NouvelleDemandeModel(
    CilPortalDbContext db, CommuneNames communeNames, DeskRegistration registration, DemandRegistrationOptions options, ReceptionAgentPlaces agentPlaces, DemandAccessAudit audit, ParisClock clock)
    : PageModel
{
    public const int DependantRows = 4;
    public const int ResourceRows = 3;

    /// <summary>The SNE resource codes offered at the desk (those of the registry's interface file), with their French names.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> ResourceCodes =
    [
        ("SAL", "Salaire"), ("CHO", "Allocation chômage"), ("RET", "Retraite"), ("PINV", "Pension d'invalidité"),
        ("RSA", "Revenu de solidarité active"), ("AAH", "Allocation aux adultes handicapés"), ("AMV", "Minimum vieillesse"),
        ("AF", "Allocations familiales"), ("PAJE", "Prestation d'accueil du jeune enfant"), ("AEEH", "Allocation d'éducation de l'enfant handicapé"),
        ("AJPP", "Allocation journalière de présence parentale"), ("BE", "Bourse d'études"), ("PAR", "Pension alimentaire reçue"),
        ("PAV", "Pension alimentaire versée (déduite)"), ("AUT", "Autre ressource"),
    ];

    /// <summary>The form field of each household member of the demand being built, in the order of <see cref="Demand.Members"/>.</summary>
    private readonly List<string> memberKeys = [];

    [BindProperty]
    public DeskDemandInput Input { get; set; } = new();

    public bool IsEnabled => options.Enabled;

    /// <summary>The agent's reception points that register demands.</summary>
    public IReadOnlyList<(int Id, string Name)> Places { get; private set; } = [];

    public IReadOnlyList<CommuneOption> Communes { get; private set; } = [];

    /// <summary>The active demand of the same applicant, when the registration was refused for it.</summary>
    public string? ExistingNur { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input.ReceptionPointId = Places.Count == 1 ? Places[0].Id : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!IsEnabled)
        {
            return NotFound();
        }

        if (Input.ReceptionPointId is { } placeId && !Places.Any(p => p.Id == placeId))
        {
            ModelState.AddModelError("Input.ReceptionPointId", "Choisissez un de vos guichets enregistreurs.");
        }

        var demand = BuildDemand();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await registration.RegisterAsync(demand, Input.ReceptionPointId!.Value, clock.Today, cancellationToken);
        if (result.ExistingNur is { } existing)
        {
            ExistingNur = existing;
            ModelState.AddModelError(string.Empty, $"Une demande active existe déjà pour cette personne (n° {existing}) : mettez-la à jour plutôt que d'en créer une seconde.");
            return Page();
        }

        foreach (var violation in result.Violations)
        {
            ModelState.AddModelError(FieldOf(violation), Capitalise(violation.Message));
        }

        if (!result.Succeeded)
        {
            return Page();
        }

        await audit.LogAsync(User.Identity?.Name, result.Demand!.Id, DemandAccessPurpose.Reception, "enregistrement-guichet", cancellationToken);
        TempData["Message"] = $"Demande enregistrée sous le n° {result.Demand.Nur}. Imprimez la fiche d'information avec le code d'accès du demandeur.";
        return Redirect($"/gestion/accueil/demandes/{result.Demand.Nur}?motif={DemandAccessPurpose.Reception}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var mine = await agentPlaces.ForAsync(User, cancellationToken);
        var ids = mine.Select(p => p.Id).ToList();
        var desks = await db.ReceptionPoints.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
        Places = [.. mine.Where(p => desks.Any(d => d.Id == p.Id && d.IsRegistrationDesk))];
        Communes = await communeNames.InFrenchOrderAsync(cancellationToken);
        while (Input.Dependants.Count < DependantRows)
        {
            Input.Dependants.Add(new PersonInput());
        }

        while (Input.Resources.Count < ResourceRows)
        {
            Input.Resources.Add(new ResourceInput());
        }
    }

    /// <summary>The demand as typed; form-level problems (blank required fields, bad amounts) go to the model state.</summary>
    private Demand BuildDemand()
    {
        var demand = new Demand
        {
            CurrentHousing = Input.CurrentHousing ?? HousingSituation.Other,
            CurrentCommuneInseeCode = Communes.Any(c => c.InseeCode == Input.CurrentCommune) ? Input.CurrentCommune : null,
            CurrentOccupants = Input.CurrentOccupants,
            CurrentRent = Amount(Input.CurrentRent, "Input.CurrentRent", "Le loyer actuel"),
            CurrentSurface = Amount(Input.CurrentSurface, "Input.CurrentSurface", "La surface actuelle"),
            ReferenceIncomeN2 = Amount(Input.ReferenceIncomeN2, "Input.ReferenceIncomeN2", "Le revenu fiscal de référence"),
            ReferenceIncomeN1 = Amount(Input.ReferenceIncomeN1, "Input.ReferenceIncomeN1", "Le revenu fiscal de référence"),
            MaxRent = Amount(Input.MaxRent, "Input.MaxRent", "Le loyer maximal"),
            WishedTypologies = Input.WishedTypologies.Where(t => Enum.IsDefined(t) && t != TypologySet.None).Aggregate(TypologySet.None, (all, t) => all | t),
            ContactEmail = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim(),
            ContactPhone = string.IsNullOrWhiteSpace(Input.Phone) ? null : Input.Phone.Trim(),
        };

        if (string.IsNullOrWhiteSpace(Input.ReferenceIncomeN2))
        {
            ModelState.AddModelError("Input.ReferenceIncomeN2", "Indiquez le revenu fiscal de référence de l'avant-dernière année (0 si le ménage n'a pas eu de revenu).");
        }

        if (Input.CurrentHousing is null)
        {
            ModelState.AddModelError("Input.CurrentHousing", "Indiquez où le ménage habite aujourd'hui.");
        }

        void AddMember(HouseholdMember member, string key)
        {
            demand.Members.Add(member);
            memberKeys.Add(key);
        }

        var applicant = Person(Input.Applicant, HouseholdRole.Applicant, FamilyLink.Self, "Input.Applicant", required: true);
        if (applicant is not null)
        {
            AddMember(applicant, "Input.Applicant");
        }

        if (Person(Input.CoHolder, HouseholdRole.CoHolder, FamilyLink.Spouse, "Input.CoHolder", required: false) is { } coHolder)
        {
            AddMember(coHolder, "Input.CoHolder");
        }

        for (var i = 0; i < Input.Dependants.Count; i++)
        {
            if (Person(Input.Dependants[i], HouseholdRole.Dependant, FamilyLink.Child, $"Input.Dependants[{i}]", required: false) is { } dependant)
            {
                AddMember(dependant, $"Input.Dependants[{i}]");
            }
        }

        if (Input.ExpectedChildren is > 0)
        {
            if (Input.ExpectedOn is null)
            {
                ModelState.AddModelError("Input.ExpectedOn", "Indiquez la date prévue de la naissance.");
            }

            for (var i = 0; i < Math.Min(Input.ExpectedChildren.Value, DemandRegistrationRules.MaxExpectedChildren + 1); i++)
            {
                AddMember(new HouseholdMember { Role = HouseholdRole.ExpectedChild, Link = FamilyLink.Child, FirstName = "Enfant à naître", LastName = applicant?.LastName ?? "", BirthDate = Input.ExpectedOn ?? clock.Today }, "Input.ExpectedOn");
            }
        }

        for (var i = 0; i < Input.Resources.Count; i++)
        {
            var line = Input.Resources[i];
            if (string.IsNullOrWhiteSpace(line.Code) && string.IsNullOrWhiteSpace(line.MonthlyAmount))
            {
                continue;
            }

            var known = ResourceCodes.Any(c => c.Code == line.Code);
            if (!known)
            {
                ModelState.AddModelError($"Input.Resources[{i}].Code", $"Ressource {i + 1} : choisissez la nature de la ressource.");
            }

            var amount = Amount(line.MonthlyAmount, $"Input.Resources[{i}].MonthlyAmount", $"Le montant de la ressource {i + 1}");
            if (amount is null && string.IsNullOrWhiteSpace(line.MonthlyAmount))
            {
                ModelState.AddModelError($"Input.Resources[{i}].MonthlyAmount", $"Ressource {i + 1} : indiquez le montant mensuel.");
            }

            if (known && amount is { } value)
            {
                demand.Resources.Add(new DemandResource { Code = line.Code!, MonthlyAmount = value, IsPaidOut = line.Code == "PAV", Member = applicant });
            }
        }

        var rank = 0;
        foreach (var code in Input.WishedCommunes.Where(c => Communes.Any(k => k.InseeCode == c)).Distinct())
        {
            demand.WishedCommunes.Add(new DemandWishedCommune { CommuneInseeCode = code, Rank = ++rank });
        }

        if (rank == 0)
        {
            ModelState.AddModelError("Input.WishedCommunes", "Choisissez au moins une commune souhaitée.");
        }

        if (demand.WishedTypologies == TypologySet.None)
        {
            ModelState.AddModelError("Input.WishedTypologies", "Choisissez au moins un type de logement souhaité.");
        }

        return demand;
    }

    private HouseholdMember? Person(PersonInput input, HouseholdRole role, FamilyLink link, string prefix, bool required)
    {
        var blank = string.IsNullOrWhiteSpace(input.LastName) && string.IsNullOrWhiteSpace(input.FirstName) && input.BirthDate is null;
        if (blank && !required)
        {
            return null;
        }

        var who = role switch
        {
            HouseholdRole.Applicant => "du demandeur",
            HouseholdRole.CoHolder => "du co-titulaire",
            _ => "de la personne à charge",
        };
        if (string.IsNullOrWhiteSpace(input.LastName))
        {
            ModelState.AddModelError($"{prefix}.LastName", $"Indiquez le nom {who}.");
        }

        if (input.BirthDate is null && ModelState.GetFieldValidationState($"{prefix}.BirthDate") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError($"{prefix}.BirthDate", $"Indiquez la date de naissance {who}.");
        }

        return new HouseholdMember
        {
            Role = role,
            Link = link,
            LastName = input.LastName?.Trim() ?? "",
            FirstName = input.FirstName?.Trim() ?? "",
            BirthDate = input.BirthDate ?? DemandRegistrationRules.EarliestBirthDate,
        };
    }

    private decimal? Amount(string? text, string key, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (FrenchAmount.TryParse(text) is { } amount)
        {
            return amount;
        }

        ModelState.AddModelError(key, $"{what} est un montant en euros, sans signe moins, par exemple 450 ou 450,50.");
        return null;
    }

    /// <summary>Where the form shows a rule the registration refused (the rules speak of the demand, the form of its fields).</summary>
    private string FieldOf(DemandRuleViolation violation)
    {
        var memberKey = violation.MemberIndex is { } i && i < memberKeys.Count ? memberKeys[i] : "Input.Applicant";
        return violation.Field switch
        {
            DemandField.LastName => $"{memberKey}.LastName",
            DemandField.FirstName => $"{memberKey}.FirstName",
            DemandField.BirthDate => $"{memberKey}.BirthDate",
            DemandField.ExpectedChildren => "Input.ExpectedChildren",
            DemandField.ReferenceIncome => "Input.ReferenceIncomeN2",
            DemandField.Resource => "Input.Resources[0].MonthlyAmount",
            DemandField.CurrentRent => "Input.CurrentRent",
            DemandField.CurrentSurface => "Input.CurrentSurface",
            DemandField.CurrentOccupants => "Input.CurrentOccupants",
            DemandField.MaxRent => "Input.MaxRent",
            DemandField.WishedCommunes => "Input.WishedCommunes",
            _ => string.Empty,
        };
    }

    private static string Capitalise(string message) => message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..];

    public sealed class DeskDemandInput
    {
        [Display(Name = "guichet")]
        [Required(ErrorMessage = "Choisissez le guichet où la demande est enregistrée.")]
        public int? ReceptionPointId { get; set; }

        public PersonInput Applicant { get; set; } = new();

        public PersonInput CoHolder { get; set; } = new();

        public List<PersonInput> Dependants { get; set; } = [];

        [Display(Name = "enfants à naître")]
        [Range(0, DemandRegistrationRules.MaxExpectedChildren, ErrorMessage = "Le nombre d'enfants à naître est compris entre 0 et 6.")]
        public int? ExpectedChildren { get; set; }

        [Display(Name = "date prévue de la naissance")]
        public DateOnly? ExpectedOn { get; set; }

        [Display(Name = "logement actuel")]
        public HousingSituation? CurrentHousing { get; set; }

        public string? CurrentCommune { get; set; }

        [Display(Name = "loyer actuel")]
        public string? CurrentRent { get; set; }

        [Display(Name = "surface actuelle")]
        public string? CurrentSurface { get; set; }

        [Display(Name = "nombre d'habitants")]
        [Range(1, DemandRegistrationRules.MaxOccupants, ErrorMessage = "Le nombre d'habitants du logement actuel est compris entre 1 et 49.")]
        public int? CurrentOccupants { get; set; }

        [Display(Name = "revenu fiscal de référence N-2")]
        public string? ReferenceIncomeN2 { get; set; }

        [Display(Name = "revenu fiscal de référence N-1")]
        public string? ReferenceIncomeN1 { get; set; }

        public List<ResourceInput> Resources { get; set; } = [];

        public List<string> WishedCommunes { get; set; } = [];

        public List<TypologySet> WishedTypologies { get; set; } = [];

        [Display(Name = "loyer maximal")]
        public string? MaxRent { get; set; }

        [Display(Name = "adresse e-mail")]
        [EmailAddress(ErrorMessage = "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.")]
        [StringLength(254, ErrorMessage = "L'adresse e-mail ne doit pas dépasser 254 caractères.")]
        public string? Email { get; set; }

        [Display(Name = "téléphone")]
        [RegularExpression(ContactPatterns.Phone, ErrorMessage = ContactPatterns.PhoneMessage)]
        public string? Phone { get; set; }
    }

    public sealed class PersonInput
    {
        [Display(Name = "nom")]
        [StringLength(DemandRegistrationRules.MaxNameLength, ErrorMessage = "Le nom ne doit pas dépasser 100 caractères.")]
        public string? LastName { get; set; }

        [Display(Name = "prénom")]
        [StringLength(DemandRegistrationRules.MaxNameLength, ErrorMessage = "Le prénom ne doit pas dépasser 100 caractères.")]
        public string? FirstName { get; set; }

        [Display(Name = "date de naissance")]
        public DateOnly? BirthDate { get; set; }
    }

    public sealed class ResourceInput
    {
        [Display(Name = "nature de la ressource")]
        public string? Code { get; set; }

        [Display(Name = "montant mensuel")]
        public string? MonthlyAmount { get; set; }
    }
}

/// <summary>French names of the current housing situations, as the desk asks them.</summary>
public static class HousingSituationLabels
{
    public static string French(this HousingSituation situation) => situation switch
    {
        HousingSituation.SocialTenant => "Locataire HLM",
        HousingSituation.PrivateTenant => "Locataire du parc privé",
        HousingSituation.Owner => "Propriétaire",
        HousingSituation.HostedByFamilyOrFriends => "Hébergé par de la famille ou des amis",
        HousingSituation.Shelter => "En structure d'hébergement ou logement temporaire",
        HousingSituation.WithoutHousing => "Sans logement",
        HousingSituation.FurnishedOrHotel => "En meublé ou à l'hôtel",
        _ => "Autre situation",
    };
}
