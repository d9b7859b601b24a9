using System.Globalization;
using System.Text.RegularExpressions;

namespace CilPortal.Domain.Exchanges;

/// <summary>The rules that carry a proposal from the first answer to the move (or its end).</summary>
public static class ExchangeWorkflow
{
    /// <summary>A participant who has not answered a proposal within this time is paused and the proposal closes.</summary>
    public static readonly TimeSpan AnswerDelay = TimeSpan.FromDays(14);

    public const int MaxParticipants = 3;

    /// <summary>The status a proposal reaches given its participants' answers, checks and CALEOL decisions.</summary>
    public static ProposalStatus Evaluate(IReadOnlyCollection<ExchangeParticipant> participants)
    {
        ArgumentNullException.ThrowIfNull(participants);
        if (participants.Any(p => p.Answer is ParticipantAnswer.Declined or ParticipantAnswer.Expired))
        {
            return ProposalStatus.Declined;
        }

        if (participants.Any(p => p.Answer == ParticipantAnswer.Pending))
        {
            return ProposalStatus.AwaitingAnswers;
        }

        if (participants.Any(IsRefused))
        {
            return ProposalStatus.Cancelled;
        }

        return participants.All(p => p.CaleolDecision == ExchangeCaleolDecision.Attribution)
            ? ProposalStatus.Completed
            : ProposalStatus.UnderReview;
    }

    /// <summary>The French reason shown to every participant when the proposal closes without a move.</summary>
    public static string? ClosingReason(IReadOnlyCollection<ExchangeParticipant> participants, Func<ExchangeParticipant, string> nameOf)
    {
        ArgumentNullException.ThrowIfNull(participants);
        ArgumentNullException.ThrowIfNull(nameOf);
        if (participants.FirstOrDefault(p => p.Answer == ParticipantAnswer.Declined) is { } declined)
        {
            return $"{nameOf(declined)} a décliné la proposition.";
        }

        if (participants.FirstOrDefault(p => p.Answer == ParticipantAnswer.Expired) is { } expired)
        {
            return $"{nameOf(expired)} n'a pas répondu dans les {AnswerDelay.Days} jours.";
        }

        if (participants.FirstOrDefault(p => p.CaleolDecision == ExchangeCaleolDecision.Refusal) is { } refused)
        {
            return $"La commission d'attribution a refusé le logement à {nameOf(refused)}.";
        }

        if (participants.FirstOrDefault(IsRefused) is { } unfavourable)
        {
            return $"L'examen du bailleur est défavorable pour {nameOf(unfavourable)}.";
        }

        return null;
    }

    /// <summary>Contact details are shown only when every participant agreed to share theirs.</summary>
    public static bool ContactsShared(IReadOnlyCollection<ExchangeParticipant> participants) =>
        participants is { Count: > 1 } && participants.All(p => p.SharesContact);

    /// <summary>The position of the participant whose dwelling the participant at <paramref name="position"/> moves into.</summary>
    public static int NextPosition(int position, int count) => (position + 1) % count;

    public static bool IsOverdue(DateTime proposedAt, DateTime now) => now - proposedAt >= AnswerDelay;

    private static bool IsRefused(ExchangeParticipant participant) =>
        participant.CaleolDecision == ExchangeCaleolDecision.Refusal
        || participant.OccupationCheck == CheckOutcome.Unfavourable
        || participant.AdaptationCheck == CheckOutcome.Unfavourable
        || participant.ArrearsCheck == CheckOutcome.Unfavourable;
}

/// <summary>A rule broken by a listing or a message, with the field it concerns and a French message.</summary>
public sealed record ExchangeRuleViolation(string Field, string Message);

/// <summary>What a listing and a message must respect before they are saved.</summary>
public static partial class ExchangeListingRules
{
    public const int MaxPhotos = 6;
    public const int MaxDescriptionLength = 1500;
    public const int MaxMessageLength = 2000;

    public static IReadOnlyList<ExchangeRuleViolation> Validate(ExchangeListing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var violations = new List<ExchangeRuleViolation>();
        void Check(bool ok, string field, string message)
        {
            if (!ok)
            {
                violations.Add(new ExchangeRuleViolation(field, message));
            }
        }

        Check(Enum.IsDefined(listing.Typology), nameof(listing.Typology), "Choisissez la typologie de votre logement (T1 à T6).");
        Check(listing.Surface is >= 9 and <= 400, nameof(listing.Surface), "La surface habitable est comprise entre 9 et 400 m².");
        Check(listing.Rent is > 0 and <= 5000, nameof(listing.Rent), "Le loyer hors charges est compris entre 1 et 5 000 €.");
        Check(listing.Charges is >= 0 and <= 2000, nameof(listing.Charges), "Les charges sont comprises entre 0 et 2 000 €.");
        Check(listing.Floor is >= 0 and <= 50, nameof(listing.Floor), "L'étage est compris entre 0 (rez-de-chaussée) et 50.");
        Check(Enum.IsDefined(listing.Accessibility), nameof(listing.Accessibility), "Choisissez l'accessibilité du logement.");
        Check(Enum.IsDefined(listing.Heating), nameof(listing.Heating), "Choisissez le mode de chauffage.");
        Check(listing.Description.Length <= MaxDescriptionLength, nameof(listing.Description), $"La description compte au plus {MaxDescriptionLength} caractères.");
        Check(!ContainsContactDetails(listing.Description), nameof(listing.Description),
            "Retirez de la description tout numéro de téléphone, adresse électronique ou lien : vos coordonnées ne sont partagées qu'avec votre accord.");
        Check(listing.MaxRentWithCharges is null or (> 0 and <= 5000), nameof(listing.MaxRentWithCharges), "Le loyer maximal, charges comprises, est compris entre 1 et 5 000 €.");
        Check(listing.MinSurface is null or (>= 9 and <= 400), nameof(listing.MinSurface), "La surface minimale est comprise entre 9 et 400 m².");
        Check(listing.MaxFloorWithoutLift is null or (>= 0 and <= 50), nameof(listing.MaxFloorWithoutLift), "L'étage maximal sans ascenseur est compris entre 0 et 50.");
        Check(Enum.IsDefined(listing.RequiredAccessibility), nameof(listing.RequiredAccessibility), "Choisissez l'accessibilité recherchée.");
        Check((listing.WantedTypologies & ~(Stock.TypologySet)63) == 0, nameof(listing.WantedTypologies), "Choisissez des typologies de T1 à T6.");
        Check((listing.MustHaves & ~(ExchangeFeatures)15) == 0, nameof(listing.MustHaves), "Choisissez des équipements de la liste.");
        return violations;
    }

    public static IReadOnlyList<ExchangeRuleViolation> ValidateMessage(string body)
    {
        var text = body?.Trim() ?? "";
        if (text.Length == 0)
        {
            return [new ExchangeRuleViolation("Body", "Écrivez votre message.")];
        }

        return text.Length > MaxMessageLength
            ? [new ExchangeRuleViolation("Body", $"Le message compte au plus {MaxMessageLength} caractères.")]
            : [];
    }

    /// <summary>A phone number, an e-mail address or a link in free text (tenants stay pseudonymous until they consent).</summary>
    public static bool ContainsContactDetails(string text) =>
        !string.IsNullOrEmpty(text) && (PhonePattern().IsMatch(text) || EmailPattern().IsMatch(text) || LinkPattern().IsMatch(text));

    [GeneratedRegex(@"(?<!\d)(?:\+33\s?|0)[1-9](?:[\s.\-]?\d{2}){4}(?!\d)", RegexOptions.CultureInvariant, 200)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"[^\s@]+@[^\s@]+\.[a-z]{2,}", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 200)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"https?://|www\.", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 200)]
    private static partial Regex LinkPattern();
}

/// <summary>Pseudonyms of members: a tree name and four digits, never derived from the person.</summary>
public static class ExchangePseudonyms
{
    private static readonly string[] Trees =
    [
        "Tilleul", "Érable", "Chêne", "Frêne", "Platane", "Bouleau", "Charme", "Hêtre", "Merisier", "Noyer",
        "Olivier", "Pin", "Saule", "Sorbier", "Tremble", "Cèdre", "Aulne", "Orme", "Mélèze", "Cerisier",
    ];

    public static string Create(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return string.Create(CultureInfo.InvariantCulture, $"{Trees[random.Next(Trees.Length)]}-{random.Next(1000, 10000)}");
    }
}
