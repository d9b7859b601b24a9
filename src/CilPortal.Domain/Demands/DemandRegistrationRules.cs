namespace CilPortal.Domain.Demands;

/// <summary>What part of a demand a rule is about, so that each channel (SNE file, desk form) names it in its own words.</summary>
public enum DemandField
{
    Nur = 1,
    FiledOn,
    Household,
    LastName,
    FirstName,
    BirthDate,
    ExpectedChildren,
    ReferenceIncome,
    Resource,
    CurrentRent,
    CurrentSurface,
    CurrentOccupants,
    MaxRent,
    WishedCommunes,
}

/// <summary>A broken rule: the field, the household member it concerns (index in <see cref="Demand.Members"/>) if any, and the French message.</summary>
public sealed record DemandRuleViolation(DemandField Field, int? MemberIndex, string Message);

/// <summary>
/// The rules a demand must meet to be registered, whatever the channel: the SNE import and the desk form both
/// apply them to the demand they built, so that a demand refused by one is refused by the other.
/// </summary>
public static class DemandRegistrationRules
{
    public const int MaxExpectedChildren = 6;
    public const int MaxOccupants = 49;
    public const decimal MaxAmount = 10_000_000m;
    public const int MaxNameLength = 100;
    public static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    public static IReadOnlyList<DemandRuleViolation> Validate(Demand demand, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(demand);
        var violations = new List<DemandRuleViolation>();
        void Add(DemandField field, string message, int? member = null) => violations.Add(new DemandRuleViolation(field, member, message));

        if (!Nur.IsWellFormed(demand.Nur))
        {
            Add(DemandField.Nur, string.IsNullOrEmpty(demand.Nur) ? "numéro unique absent." : $"« {demand.Nur} » n'est pas un numéro unique de 18 caractères.");
        }

        if (demand.FiledOn > today)
        {
            Add(DemandField.FiledOn, "la date de dépôt est dans le futur.");
        }

        var applicants = demand.Members.Count(m => m.Role == HouseholdRole.Applicant);
        if (applicants != 1)
        {
            Add(DemandField.Household, applicants == 0 ? "le demandeur est absent." : "une demande n'a qu'un demandeur.");
        }

        if (demand.Members.Count(m => m.Role == HouseholdRole.ExpectedChild) > MaxExpectedChildren)
        {
            Add(DemandField.ExpectedChildren, $"au plus {MaxExpectedChildren} enfants à naître.");
        }

        for (var i = 0; i < demand.Members.Count; i++)
        {
            var member = demand.Members[i];
            if (member.Role == HouseholdRole.ExpectedChild)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(member.LastName))
            {
                Add(DemandField.LastName, "le nom est absent.", i);
            }
            else if (member.LastName.Length > MaxNameLength)
            {
                Add(DemandField.LastName, $"le nom dépasse {MaxNameLength} caractères.", i);
            }

            if (member.FirstName.Length > MaxNameLength)
            {
                Add(DemandField.FirstName, $"le prénom dépasse {MaxNameLength} caractères.", i);
            }

            if (member.BirthDate > today)
            {
                Add(DemandField.BirthDate, "la date de naissance est dans le futur.", i);
            }
            else if (member.BirthDate < EarliestBirthDate)
            {
                Add(DemandField.BirthDate, "la date de naissance est antérieure à 1900.", i);
            }
        }

        if (!IsAmount(demand.ReferenceIncomeN1) || !IsAmount(demand.ReferenceIncomeN2))
        {
            Add(DemandField.ReferenceIncome, "le revenu fiscal de référence doit être un montant positif en euros.");
        }

        foreach (var resource in demand.Resources)
        {
            if (resource.Code.Length is 0 or > 6 || !resource.Code.All(char.IsAsciiLetterUpper))
            {
                Add(DemandField.Resource, $"code de ressource « {resource.Code} » non valable.");
            }
            else if (!IsAmount(resource.MonthlyAmount))
            {
                Add(DemandField.Resource, $"le montant de la ressource {resource.Code} doit être un montant positif en euros.");
            }
        }

        if (!IsAmount(demand.CurrentRent))
        {
            Add(DemandField.CurrentRent, "le loyer actuel doit être un montant positif en euros.");
        }

        if (!IsAmount(demand.CurrentSurface))
        {
            Add(DemandField.CurrentSurface, "la surface actuelle doit être un nombre positif de m².");
        }

        if (demand.CurrentOccupants is < 1 or > MaxOccupants)
        {
            Add(DemandField.CurrentOccupants, $"le nombre d'habitants doit être compris entre 1 et {MaxOccupants}.");
        }

        if (!IsAmount(demand.MaxRent))
        {
            Add(DemandField.MaxRent, "le loyer maximal doit être un montant positif en euros.");
        }

        if (demand.WishedCommunes.GroupBy(c => c.CommuneInseeCode).Any(g => g.Count() > 1))
        {
            Add(DemandField.WishedCommunes, "une commune souhaitée figure deux fois.");
        }

        return violations;
    }

    private static bool IsAmount(decimal? value) => value is null or (>= 0 and < MaxAmount);
}
