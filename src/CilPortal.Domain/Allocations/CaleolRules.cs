namespace CilPortal.Domain.Allocations;

/// <summary>The decision proposed for one candidate, as entered or imported.</summary>
public sealed record CandidateDecision(string Nur, CaleolDecision Decision, int? Rank, string? Reason);

/// <summary>
/// Rules of a CALEOL examination, pure: number of candidates (R441-3), consistency of decisions and
/// ranks, reasons of negative decisions (L441-2-2), answer and lease. Messages are French, for the form.
/// </summary>
public static class CaleolRules
{
    /// <summary>R441-3: the commission examines at least three candidates per dwelling, save for a recorded reason.</summary>
    public const int MinimumCandidates = 3;

    public const int ReasonMaxLength = 1000;

    /// <summary>True when fewer candidates than the rule asks were examined (a warning, with a reason to record).</summary>
    public static bool HasFewerCandidates(int candidates) => candidates < MinimumCandidates;

    public static IEnumerable<string> ValidateCandidates(IReadOnlyCollection<string> nurs, string? fewerCandidatesReason)
    {
        ArgumentNullException.ThrowIfNull(nurs);
        if (nurs.Count == 0)
        {
            yield return "Indiquez au moins un candidat.";
            yield break;
        }

        foreach (var duplicate in nurs.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            yield return $"Le candidat {duplicate.Key} figure plusieurs fois.";
        }

        if (HasFewerCandidates(nurs.Count) && string.IsNullOrWhiteSpace(fewerCandidatesReason))
        {
            yield return $"Moins de {MinimumCandidates} candidats sont examinés (article R441-3 du CCH) : indiquez la raison (insuffisance de candidats, candidat désigné au titre du DALO, logement adapté…).";
        }

        if (fewerCandidatesReason?.Length > ReasonMaxLength)
        {
            yield return $"La raison tient en {ReasonMaxLength} caractères au plus.";
        }
    }

    public static IEnumerable<string> ValidateDecisions(IReadOnlyList<CandidateDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        foreach (var decision in decisions)
        {
            var who = $"Candidat {decision.Nur}";
            if (!Enum.IsDefined(decision.Decision))
            {
                yield return $"{who} : choisissez une décision.";
                continue;
            }

            var isAttribution = decision.Decision is CaleolDecision.Attribution or CaleolDecision.ConditionalAttribution;
            if (decision.Decision == CaleolDecision.Attribution && decision.Rank is null)
            {
                yield return $"{who} : indiquez le rang de l'attribution (1 pour le premier).";
            }

            if (decision.Rank is { } rank && (rank < 1 || rank > 20))
            {
                yield return $"{who} : le rang va de 1 à 20.";
            }

            if (!isAttribution && decision.Rank is not null)
            {
                yield return $"{who} : un rang ne s'indique que pour une attribution.";
            }

            if (decision.Decision != CaleolDecision.Attribution && string.IsNullOrWhiteSpace(decision.Reason))
            {
                yield return decision.Decision == CaleolDecision.ConditionalAttribution
                    ? $"{who} : indiquez la condition suspensive."
                    : $"{who} : indiquez les motifs de la décision ; ils sont notifiés par écrit au demandeur (article L441-2-2 du CCH).";
            }

            if (decision.Reason?.Length > ReasonMaxLength)
            {
                yield return $"{who} : les motifs tiennent en {ReasonMaxLength} caractères au plus.";
            }
        }

        foreach (var duplicate in decisions.Where(d => d.Rank is not null).GroupBy(d => d.Rank).Where(g => g.Count() > 1))
        {
            yield return $"Le rang {duplicate.Key} est donné à plusieurs candidats.";
        }
    }

    /// <summary>
    /// Checks an answer to the offer: only after an attribution, on or after the session; an attribution at rank n
    /// is accepted only once every candidate ranked above has refused or not answered.
    /// </summary>
    public static string? ValidateAnswer(CaleolDecision decision, OfferAnswer answer, DateOnly? answeredOn, DateOnly sessionDate, DateOnly today, bool rankedAboveStillIn = false)
    {
        if (answer == OfferAnswer.Pending)
        {
            return null;
        }

        if (decision is not (CaleolDecision.Attribution or CaleolDecision.ConditionalAttribution))
        {
            return "Une réponse du demandeur ne s'enregistre qu'après une attribution.";
        }

        if (answer == OfferAnswer.Accepted && rankedAboveStillIn)
        {
            return "Le logement revient d'abord aux candidats classés avant : une acceptation ne s'enregistre qu'après leur refus ou leur absence de réponse.";
        }

        if (answeredOn is not { } date)
        {
            return "Indiquez la date de la réponse.";
        }

        return date < sessionDate || date > today
            ? "La date de la réponse se situe entre la commission et aujourd'hui."
            : null;
    }

    /// <summary>
    /// Checks a lease: only for an accepted attribution, one lease per examination, dated between the
    /// answer (or the session) and today.
    /// </summary>
    /// <param name="anotherLeaseSigned">The dwelling already has a lease from this examination or a later one.</param>
    /// <param name="demandAlreadyHoused">The demand already has a lease (from another examination).</param>
    public static string? ValidateLease(Allocation candidate, DateOnly leaseSignedOn, DateOnly sessionDate, DateOnly today, bool anotherLeaseSigned, bool demandAlreadyHoused = false)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.Decision is not (CaleolDecision.Attribution or CaleolDecision.ConditionalAttribution) || candidate.Answer != OfferAnswer.Accepted)
        {
            return "Un bail ne se signe qu'après une attribution acceptée par le demandeur.";
        }

        if (anotherLeaseSigned)
        {
            return "Un bail est déjà signé pour ce logement à l'issue de cette commission ou d'une suivante.";
        }

        if (demandAlreadyHoused)
        {
            return "Ce demandeur a déjà signé un bail pour un autre logement : sa demande est satisfaite.";
        }

        var earliest = candidate.AnsweredOn is { } answered && answered > sessionDate ? answered : sessionDate;
        return leaseSignedOn < earliest || leaseSignedOn > today
            ? "La date de signature du bail se situe entre l'acceptation et aujourd'hui."
            : null;
    }
}
