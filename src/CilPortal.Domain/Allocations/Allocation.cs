namespace CilPortal.Domain.Allocations;

/// <summary>Decision of the CALEOL for one candidate.</summary>
public enum CaleolDecision
{
    /// <summary>Attribution, rank 1 or rang n (applies if those ranked above refuse).</summary>
    Attribution = 1,

    /// <summary>Attribution sous condition suspensive.</summary>
    ConditionalAttribution = 2,

    NonAttribution = 3,

    /// <summary>Irrecevabilité (the demand does not meet the conditions of access).</summary>
    Inadmissible = 4,
}

/// <summary>The applicant's answer to the offer that follows an attribution (10 days to answer).</summary>
public enum OfferAnswer
{
    /// <summary>No offer made yet, or waiting for the answer.</summary>
    Pending = 0,
    Accepted = 1,
    Refused = 2,

    /// <summary>No answer within the time given.</summary>
    NoAnswer = 3,
}

/// <summary>
/// The examination of one vacant dwelling by a bailleur's CALEOL on a session date: the candidates
/// presented (at least 3, R441-3, unless a reason is recorded) and the decision on each.
/// </summary>
public class CaleolExamination
{
    public int Id { get; set; }

    /// <summary>The bailleur owning the dwelling: every query of a bailleur's agent filters on it.</summary>
    public int BailleurId { get; set; }

    public int DwellingId { get; set; }

    /// <summary>The réservataire whose flow the vacancy is counted in (or the bailleur's non-reserved flow).</summary>
    public int ReservataireId { get; set; }

    public DateOnly SessionDate { get; set; }

    /// <summary>Why fewer than 3 candidates were examined (R441-3), required then.</summary>
    public string? FewerCandidatesReason { get; set; }

    public List<Allocation> Candidates { get; } = [];
}

/// <summary>A candidate's examination for a dwelling in a CALEOL session, and what followed.</summary>
public class Allocation
{
    public int Id { get; set; }

    /// <summary>The examination the candidate was presented in: its dwelling, réservataire and session date.</summary>
    public int ExaminationId { get; set; }

    public CaleolExamination? Examination { get; set; }

    public int DemandId { get; set; }

    public CaleolDecision Decision { get; set; }

    /// <summary>Rank for an attribution (1 = first), null otherwise.</summary>
    public int? Rank { get; set; }

    /// <summary>Reasons of a conditional or negative decision, notified to the applicant.</summary>
    public string? DecisionReason { get; set; }

    public OfferAnswer Answer { get; set; }

    public DateOnly? AnsweredOn { get; set; }

    public DateOnly? LeaseSignedOn { get; set; }

    /// <summary>Rehoused under an urban-renewal programme (counts with the first quartile outside QPV).</summary>
    public bool IsUrbanRenewalRehousing { get; set; }

    /// <summary>The CIA classification, computed when the lease is signed, with its inputs.</summary>
    public CiaClassification? Classification { get; set; }
}
