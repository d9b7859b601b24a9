namespace CilPortal.Domain.Demands;

/// <summary>Kinds of dated events stored with a demand (R441-2-15).</summary>
public enum DemandEventKind
{
    Registered = 1,
    Renewed = 2,
    Updated = 3,
    PriorityPublicLabel = 4,
    DaloLabel = 5,
    Designated = 6,
    CaleolDecision = 7,
    OfferMade = 8,
    OfferAccepted = 9,
    OfferRefused = 10,
    LeaseSigned = 11,
    StruckOff = 12,
}

public class DemandEvent
{
    public int Id { get; set; }

    public int DemandId { get; set; }

    public DateOnly OccurredOn { get; set; }

    public DemandEventKind Kind { get; set; }

    /// <summary>Short French description shown to the applicant.</summary>
    public string? Detail { get; set; }

    /// <summary>Allocation the event belongs to, for designations, decisions, offers and leases.</summary>
    public int? AllocationId { get; set; }

    /// <summary>For <see cref="DemandEventKind.StruckOff"/>: the reason of the radiation (R441-2-8).</summary>
    public RadiationReason? RadiationReason { get; set; }
}
