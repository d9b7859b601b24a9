namespace CilPortal.Domain.Eligibility;

/// <summary>What the simulator asks about a household.</summary>
/// <param name="Adults">Persons who are not dependants (the applicant, a spouse, other adults).</param>
/// <param name="Dependants">Dependants (personnes à charge): children and other dependants.</param>
/// <param name="AnyoneDisabled">At least one person of the household is disabled (carte d'invalidité or equivalent).</param>
/// <param name="IsYoungCouple">A couple without dependants whose ages add up to 55 or less.</param>
public sealed record HouseholdComposition(int Adults, int Dependants, bool AnyoneDisabled, bool IsYoungCouple)
{
    public int Persons => Adults + Dependants;
}

/// <summary>Household category 1–6 of the income-ceiling tables, plus the persons beyond the sixth.</summary>
public sealed record HouseholdCategory(int Number, int ExtraPersons)
{
    public const int YoungCoupleMaxCombinedAge = 55;

    /// <summary>
    /// Category from the official definitions (arrêté du 29 juillet 1987):
    /// 1 one person; 2 two persons without dependants (young couples excepted) or one disabled person;
    /// 3 three persons, one person with one dependant, a young couple, or two persons of whom one disabled;
    /// 4 four persons, one person with two dependants, or three persons of whom one disabled;
    /// 5 and 6 likewise; each person beyond the sixth category adds the per-person amount.
    /// A disability or a single parent moves the household up one category (not two).
    /// </summary>
    public static HouseholdCategory For(HouseholdComposition household)
    {
        ArgumentNullException.ThrowIfNull(household);
        if (household.Adults < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(household), "Un foyer compte au moins un adulte.");
        }

        var singleWithDependants = household.Adults == 1 && household.Dependants > 0;
        var weight = household.Persons + (household.AnyoneDisabled || singleWithDependants ? 1 : 0);
        if (household.IsYoungCouple && household.Adults == 2 && household.Dependants == 0)
        {
            weight = Math.Max(weight, 3);
        }

        return new HouseholdCategory(Math.Min(weight, 6), Math.Max(0, weight - 6));
    }

    public static bool IsYoungCouple(int firstAge, int secondAge) => firstAge + secondAge <= YoungCoupleMaxCombinedAge;
}
