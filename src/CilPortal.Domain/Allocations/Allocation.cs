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

/// <summary>A candidate's examination for a dwelling in a CALEOL session, and what followed.</summary>
public class Allocation
{
    public int Id { get; set; }

    public int DwellingId { get; set; }

    public int DemandId { get; set; }

    public int ReservataireId { get; set; }

    public DateOnly CaleolDate { get; set; }

    public CaleolDecision Decision { get; set; }

    /// <summary>Rank for an attribution (1 = first), null otherwise.</summary>
    public int? Rank { get; set; }

    /// <summary>Reasons of a conditional or negative decision, notified to the applicant.</summary>
    public string? DecisionReason { get; set; }

    public DateOnly? LeaseSignedOn { get; set; }
}
