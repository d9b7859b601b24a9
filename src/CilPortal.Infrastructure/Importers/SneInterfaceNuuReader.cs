using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using CilPortal.Domain.Demands;

namespace CilPortal.Infrastructure.Importers;

/// <summary>An error of an import file: which demand (position in the file and NUR when known), which element, what is wrong.</summary>
public sealed record SneImportError(int Position, string? Nur, string Element, string Message)
{
    public override string ToString() =>
        $"Demande n° {Position}{(Nur is null ? "" : $" ({Nur})")}, élément « {Element} » : {Message}";
}

/// <summary>One demand read from the file, mapped to the domain, with the problems found in it.</summary>
public sealed record SneDemandRead(int Position, Demand Demand, IReadOnlyList<SneImportError> Errors);

/// <summary>
/// Streams an SNE shared-management file <c>interfaceNuu</c> version 02.00: one <c>demande</c> at a time
/// is loaded and mapped (demand, applicant, co-holders, dependants, expected births, fiscal income,
/// monthly resources by code, current dwelling). DTDs and external entities are refused.
/// </summary>
public static class SneInterfaceNuuReader
{
    public const string SupportedVersion = "02.00";
    private static readonly XNamespace Ns = "http://nuu.application.i2/";

    public static IEnumerable<SneDemandRead> Read(Stream stream, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true };
        using var reader = XmlReader.Create(stream, settings);
        reader.MoveToContent();
        if (reader.LocalName != "interfaceNuu")
        {
            throw new SneFileException($"Ce fichier n'est pas un fichier interfaceNuu du SNE (élément racine « {reader.LocalName} »).");
        }

        var version = reader.GetAttribute("versionInterface");
        if (version != SupportedVersion)
        {
            throw new SneFileException($"Version d'interface « {version ?? "absente"} » non prise en charge : seule la version {SupportedVersion} est lue.");
        }

        var position = 0;
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "demande" && reader.NamespaceURI == Ns.NamespaceName)
            {
                // ReadFrom leaves the reader on the node after the demand: do not Read() past it.
                position++;
                var element = (XElement)XNode.ReadFrom(reader);
                yield return Map(position, element, today);
            }
            else
            {
                reader.Read();
            }
        }
    }

    private static SneDemandRead Map(int position, XElement demande, DateOnly today)
    {
        var errors = new List<SneImportError>();
        var logement = demande.Element(Ns + "demandeLogement");
        var nurText = logement?.Element(Ns + "numUnique")?.Value.Trim();
        var nur = Nur.IsWellFormed(nurText) ? nurText : null;
        void Error(string element, string message) => errors.Add(new SneImportError(position, nur ?? nurText, element, message));

        var demand = new Demand();
        if (logement is null)
        {
            Error("demandeLogement", "élément obligatoire absent.");
            return new SneDemandRead(position, demand, errors);
        }

        // A missing or malformed number, a filing date in the future, a missing name… are the registration rules' to tell.
        demand.Nur = nurText ?? "";
        var filedOn = Date(logement, "dateCreationDemande", required: true, Error);
        demand.FiledOn = filedOn ?? today;
        demand.ExpiresOn = NextAnniversary(demand.FiledOn, today);

        var memberPlaces = new List<string>();
        void AddMember(HouseholdMember member, string where)
        {
            demand.Members.Add(member);
            memberPlaces.Add(where);
        }

        var person = logement.Element(Ns + "personnePhysique");
        var applicant = person?.Element(Ns + "demandeur");
        if (person is null || applicant is null)
        {
            return Validated();
        }

        var applicantMember = Member(applicant, HouseholdRole.Applicant, FamilyLink.Self, "demandeur", Error);
        AddMember(applicantMember, "demandeur");
        demand.ContactEmail = Text(applicant, "mel");
        demand.ContactPhone = Text(applicant, "telPortable") ?? Text(applicant, "telFixe");
        demand.CurrentCommuneInseeCode = applicant.Element(Ns + "adressePostale")?.Element(Ns + "commune")?.Attribute("code")?.Value;
        var fiscal = applicant.Element(Ns + "revenuFiscal");
        demand.ReferenceIncomeN1 = Amount(fiscal, "montantMoins1", "demandeur/revenuFiscal", Error);
        demand.ReferenceIncomeN2 = Amount(fiscal, "montantMoins2", "demandeur/revenuFiscal", Error);
        AddResources(demand, applicant, applicantMember, "demandeur", Error);

        foreach (var (coHolder, index) in (person.Element(Ns + "listeCotitulaire")?.Elements(Ns + "cotitulaire") ?? []).Select((e, i) => (e, i + 1)))
        {
            var link = coHolder.Element(Ns + "lienDemandeur")?.Attribute("code")?.Value is "M" or "C" or "P" ? FamilyLink.Spouse : FamilyLink.Other;
            var member = Member(coHolder, HouseholdRole.CoHolder, link, $"cotitulaire {index}", Error);
            AddMember(member, $"cotitulaire {index}");
            AddResources(demand, coHolder, member, $"cotitulaire {index}", Error);
            var coFiscal = coHolder.Element(Ns + "revenuFiscal");
            demand.ReferenceIncomeN1 = Sum(demand.ReferenceIncomeN1, Amount(coFiscal, "montantMoins1", $"cotitulaire {index}/revenuFiscal", Error));
            demand.ReferenceIncomeN2 = Sum(demand.ReferenceIncomeN2, Amount(coFiscal, "montantMoins2", $"cotitulaire {index}/revenuFiscal", Error));
        }

        foreach (var (dependant, index) in (person.Element(Ns + "listePersonneACharge")?.Elements(Ns + "personneACharge") ?? []).Select((e, i) => (e, i + 1)))
        {
            var link = dependant.Element(Ns + "lienParente")?.Attribute("code")?.Value == "E" ? FamilyLink.Child : FamilyLink.OtherRelative;
            AddMember(Member(dependant, HouseholdRole.Dependant, link, $"personneACharge {index}", Error), $"personneACharge {index}");
        }

        // Children in alternating custody (code G) live in the household; visiting rights (D) do not.
        foreach (var (child, index) in (person.Element(Ns + "listePersonneEnGarde")?.Elements(Ns + "personneEnGarde") ?? [])
            .Where(e => e.Element(Ns + "coParentalite")?.Attribute("code")?.Value == "G").Select((e, i) => (e, i + 1)))
        {
            var birth = Date(child, "dateNaissance", required: true, (element, message) => Error($"personneEnGarde {index}/{element}", message));
            AddMember(new HouseholdMember { Role = HouseholdRole.Dependant, Link = FamilyLink.Child, FirstName = "Enfant en garde alternée", LastName = applicantMember.LastName, BirthDate = birth ?? today }, $"personneEnGarde {index}");
        }

        if (person.Element(Ns + "personneANaitre") is { } expected)
        {
            var countText = Text(expected, "nombre");
            if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > 6)
            {
                Error("personneANaitre/nombre", $"« {countText} » n'est pas un nombre d'enfants à naître entre 1 et 6.");
                count = 0;
            }

            var due = Date(expected, "dateNaissancePrevue", required: true, (element, message) => Error($"personneANaitre/{element}", message));
            for (var i = 0; i < count; i++)
            {
                AddMember(new HouseholdMember { Role = HouseholdRole.ExpectedChild, Link = FamilyLink.Child, FirstName = "Enfant à naître", LastName = applicantMember.LastName, BirthDate = due ?? today }, "personneANaitre");
            }
        }

        if (person.Element(Ns + "logementActuel") is { } dwelling)
        {
            var model = dwelling.Element(Ns + "listeModeleLogement")?.Element(Ns + "modeleLogement")?.Attribute("code")?.Value;
            demand.CurrentHousingCode = model;
            demand.CurrentHousing = HousingOf(model);
            demand.CurrentRent = Amount(dwelling, "montantMensuelLoyer", "logementActuel", Error);
            demand.CurrentSurface = Amount(dwelling, "surface", "logementActuel", Error);
            var occupants = Text(dwelling, "nombreHabitant");
            if (occupants is not null)
            {
                demand.CurrentOccupants = int.TryParse(occupants, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and < 50 ? n : null;
                if (demand.CurrentOccupants is null)
                {
                    Error("logementActuel/nombreHabitant", $"« {occupants} » n'est pas un nombre d'habitants valable.");
                }
            }
        }
        else
        {
            demand.CurrentHousing = HousingSituation.Other;
        }

        return Validated();

        SneDemandRead Validated()
        {
            foreach (var violation in DemandRegistrationRules.Validate(demand, today))
            {
                Error(ElementOf(violation, memberPlaces), violation.Message);
            }

            return new SneDemandRead(position, demand, errors);
        }
    }

    /// <summary>The element of the file a registration rule is about.</summary>
    private static string ElementOf(DemandRuleViolation violation, List<string> memberPlaces)
    {
        var member = violation.MemberIndex is { } i && i < memberPlaces.Count ? memberPlaces[i] : "demandeur";
        return violation.Field switch
        {
            DemandField.Nur => "numUnique",
            DemandField.FiledOn => "dateCreationDemande",
            DemandField.Household => "demandeur",
            DemandField.LastName => $"{member}/nom",
            DemandField.FirstName => $"{member}/prenom",
            DemandField.BirthDate => $"{member}/dateNaissance",
            DemandField.ExpectedChildren => "personneANaitre/nombre",
            DemandField.ReferenceIncome => "revenuFiscal",
            DemandField.Resource => "ressource",
            DemandField.CurrentRent => "logementActuel/montantMensuelLoyer",
            DemandField.CurrentSurface => "logementActuel/surface",
            DemandField.CurrentOccupants => "logementActuel/nombreHabitant",
            _ => violation.Field.ToString(),
        };
    }

    /// <summary>SNE codes of the current dwelling model; unknown codes are kept as <see cref="Demand.CurrentHousingCode"/>.</summary>
    public static HousingSituation HousingOf(string? code) => code switch
    {
        "LP" => HousingSituation.PrivateTenant,
        "LS" or "HLM" => HousingSituation.SocialTenant,
        "PR" or "PO" => HousingSituation.Owner,
        "HT" or "HF" or "HE" => HousingSituation.HostedByFamilyOrFriends,
        "CH" or "ST" or "RS" => HousingSituation.Shelter,
        "SA" or "SL" => HousingSituation.WithoutHousing,
        "HO" or "MF" => HousingSituation.FurnishedOrHotel,
        _ => HousingSituation.Other,
    };

    private static HouseholdMember Member(XElement person, HouseholdRole role, FamilyLink link, string where, Action<string, string> error)
    {
        var birth = Date(person, "dateNaissance", required: true, (element, message) => error($"{where}/{element}", message));
        var lastName = Text(person, "nom");
        return new HouseholdMember
        {
            Role = role,
            Link = link,
            LastName = Truncate(lastName ?? "", 100),
            FirstName = Truncate(Text(person, "prenom") ?? "", 100),
            BirthDate = birth ?? DemandRegistrationRules.EarliestBirthDate,
        };
    }

    private static void AddResources(Demand demand, XElement person, HouseholdMember member, string where, Action<string, string> error)
    {
        foreach (var (list, paidOut) in new[] { ("listeRessourceRecue", false), ("listeRessourceVersee", true), ("listeRessourceRecuePersACharge", false), ("listeRessourceVerseePersACharge", true) })
        {
            foreach (var detail in person.Element(Ns + list)?.Elements(Ns + "detailRessource") ?? [])
            {
                var code = detail.Element(Ns + "ressource")?.Attribute("code")?.Value?.Trim();
                if (string.IsNullOrEmpty(code) || code.Length > 6 || !code.All(char.IsAsciiLetterUpper))
                {
                    error($"{where}/{list}/ressource", $"code de ressource « {code} » non valable.");
                    continue;
                }

                var amount = Amount(detail, "montant", $"{where}/{list}/{code}", error);
                if (amount is { } value)
                {
                    demand.Resources.Add(new DemandResource { Code = code, MonthlyAmount = value, IsPaidOut = paidOut, Member = member });
                }
                else if (detail.Element(Ns + "montant") is null)
                {
                    error($"{where}/{list}/{code}/montant", "montant absent.");
                }
            }
        }
    }

    private static DateOnly? Date(XElement? parent, string name, bool required, Action<string, string> error)
    {
        var text = Text(parent, name);
        if (text is null)
        {
            if (required)
            {
                error(name, "date obligatoire absente.");
            }

            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year >= 1900)
        {
            return date;
        }

        error(name, $"« {text} » n'est pas une date AAAA-MM-JJ valable.");
        return null;
    }

    private static decimal? Amount(XElement? parent, string name, string where, Action<string, string> error)
    {
        var text = Text(parent, name);
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value is >= 0 and < 10_000_000)
        {
            return value;
        }

        error($"{where}/{name}", $"« {text} » n'est pas un montant positif en euros.");
        return null;
    }

    private static string? Text(XElement? parent, string name)
    {
        var value = parent?.Element(Ns + name)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static decimal? Sum(decimal? a, decimal? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    /// <summary>An active demand in the registry is valid until the next anniversary of its filing.</summary>
    private static DateOnly NextAnniversary(DateOnly filedOn, DateOnly today)
    {
        var expiry = DemandLifecycle.ExpiryFrom(filedOn);
        while (expiry <= today)
        {
            expiry = DemandLifecycle.ExpiryAfterRenewal(expiry);
        }

        return expiry;
    }
}

/// <summary>The whole file cannot be read (not XML, wrong root, wrong version).</summary>
public sealed class SneFileException(string message) : Exception(message);
