using CilPortal.Domain.Stock;

namespace CilPortal.Domain.Exchanges;

/// <summary>Where a tenant's membership of the exchange marketplace stands.</summary>
public enum MemberStatus
{
    /// <summary>Registered; the bailleur has not checked the tenancy yet. No listing is visible.</summary>
    AwaitingVerification = 0,
    Verified = 1,
    Refused = 2,
}

/// <summary>Why a bailleur refuses a tenant's membership (the exclusions of the existing platforms).</summary>
public enum MemberRefusalReason
{
    None = 0,

    /// <summary>Rent arrears or a dispute with the bailleur.</summary>
    ArrearsOrDispute = 1,

    /// <summary>The tenant has already given notice.</summary>
    NoticeGiven = 2,

    /// <summary>The dwelling is to be sold or demolished.</summary>
    DwellingToBeSoldOrDemolished = 3,

    /// <summary>The tenant reference or the dwelling does not match the bailleur's records.</summary>
    UnknownTenancy = 4,
}

/// <summary>A tenant of a bailleur of the EPCI who takes part in the exchange marketplace, known to others by a pseudonym only.</summary>
public class ExchangeMember
{
    public int Id { get; set; }

    /// <summary>The Identity account.</summary>
    public string UserId { get; set; } = "";

    public int BailleurId { get; set; }

    /// <summary>The residence of the current dwelling: its commune and QPV come from it, never typed by the tenant.</summary>
    public int ResidenceId { get; set; }

    public Residence? Residence { get; set; }

    /// <summary>The tenant's reference at the bailleur (contract or account number), checked by the bailleur.</summary>
    public string TenantReference { get; set; } = "";

    /// <summary>Shown to other tenants instead of any name until contact details are shared by mutual consent.</summary>
    public string Pseudonym { get; set; } = "";

    /// <summary>Name and phone number shared with the other participants of a proposal only when all consent.</summary>
    public string ContactName { get; set; } = "";

    public string? ContactPhone { get; set; }

    public MemberStatus Status { get; set; }

    public MemberRefusalReason RefusalReason { get; set; }

    public string? RefusalNote { get; set; }

    public DateTime RegisteredAt { get; set; }

    public DateTime? ReviewedAt { get; set; }

    public string? ReviewedByUserId { get; set; }

    /// <summary>The tenant agrees to be proposed chains found by the nightly matching.</summary>
    public bool AcceptsProposedChains { get; set; }

    /// <summary>Set when the member ignored a proposal for too long: hidden from searches and matching until resumed.</summary>
    public DateTime? PausedAt { get; set; }

    public string? PauseReason { get; set; }

    public bool IsActive => Status == MemberStatus.Verified && PausedAt is null;
}

/// <summary>Where a listing stands. Only <see cref="Published"/> listings are seen by other tenants and matched.</summary>
public enum ListingStatus
{
    Draft = 0,

    /// <summary>Submitted or edited: waits for the bailleur's validation, hidden meanwhile.</summary>
    AwaitingValidation = 1,
    Published = 2,
    Rejected = 3,

    /// <summary>Hidden by the bailleur after a report.</summary>
    Suspended = 4,
    Withdrawn = 5,
}

/// <summary>A member's listing: the dwelling offered and the dwelling wanted. One per member.</summary>
public class ExchangeListing
{
    public int Id { get; set; }

    public int MemberId { get; set; }

    public ExchangeMember? Member { get; set; }

    public Typology Typology { get; set; }

    public decimal Surface { get; set; }

    public decimal Rent { get; set; }

    public decimal Charges { get; set; }

    public int Floor { get; set; }

    public bool HasLift { get; set; }

    public Accessibility Accessibility { get; set; }

    public bool HasOutdoorSpace { get; set; }

    public bool HasParking { get; set; }

    public HeatingKind Heating { get; set; }

    public string Description { get; set; } = "";

    /// <summary>Wanted communes (INSEE codes separated by commas); empty for any commune of the EPCI.</summary>
    public string WantedCommunes { get; set; } = "";

    public TypologySet WantedTypologies { get; set; }

    public decimal? MaxRentWithCharges { get; set; }

    public decimal? MinSurface { get; set; }

    public int? MaxFloorWithoutLift { get; set; }

    public Accessibility RequiredAccessibility { get; set; }

    public ExchangeFeatures MustHaves { get; set; }

    public ListingStatus Status { get; set; }

    /// <summary>The bailleur's reason when it rejects or suspends the listing.</summary>
    public string? ModerationNote { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? PublishedAt { get; set; }

    public List<ListingPhoto> Photos { get; } = [];

    public IReadOnlySet<string> WantedCommuneCodes =>
        WantedCommunes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    public ExchangeFeatures OfferedFeatures =>
        (HasOutdoorSpace ? ExchangeFeatures.OutdoorSpace : 0)
        | (HasParking ? ExchangeFeatures.Parking : 0)
        | (HasLift ? ExchangeFeatures.Lift : 0)
        | (Heating == HeatingKind.Individual ? ExchangeFeatures.IndividualHeating : 0);

    /// <summary>The listing as the matching engine sees it; the commune and QPV come from the member's residence.</summary>
    public ExchangeCandidate ToCandidate(int bailleurId, string communeInseeCode, bool isInQpv) => new(
        Id,
        bailleurId,
        new ExchangeDwelling(communeInseeCode, isInQpv, Typology, Surface, Rent + Charges, Floor, Accessibility, OfferedFeatures),
        Wish);

    /// <summary>What the tenant wants in exchange.</summary>
    public ExchangeWish Wish => new(WantedCommuneCodes, WantedTypologies, MaxRentWithCharges, MinSurface, MaxFloorWithoutLift, RequiredAccessibility, MustHaves);
}

/// <summary>A photo of a listing, re-encoded by the portal (metadata stripped) before it is stored.</summary>
public class ListingPhoto
{
    public int Id { get; set; }

    public int ListingId { get; set; }

    public byte[] Content { get; set; } = [];

    public string ContentType { get; set; } = "image/jpeg";

    public int Width { get; set; }

    public int Height { get; set; }

    public int Position { get; set; }

    public DateTime UploadedAt { get; set; }
}

public class ExchangeFavourite
{
    public int MemberId { get; set; }

    public int ListingId { get; set; }

    public DateTime CreatedAt { get; set; }
}

public enum ReportReason
{
    PersonalData = 1,
    Misleading = 2,
    Inappropriate = 3,
    Other = 4,
}

public enum ReportStatus
{
    Open = 0,
    Dismissed = 1,

    /// <summary>The bailleur suspended the listing.</summary>
    Upheld = 2,
}

/// <summary>A member reports a listing; the listing's bailleur moderates.</summary>
public class ListingReport
{
    public int Id { get; set; }

    public int ListingId { get; set; }

    public int ReporterMemberId { get; set; }

    public ReportReason Reason { get; set; }

    public string Comment { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public ReportStatus Status { get; set; }

    public DateTime? HandledAt { get; set; }

    public string? HandledByUserId { get; set; }
}

public enum ProposalOrigin
{
    /// <summary>A tenant proposed it from the compatible listings.</summary>
    Tenant = 0,

    /// <summary>The nightly matching proposed it to members who opted in.</summary>
    NightlyMatching = 1,
}

public enum ProposalStatus
{
    /// <summary>Waiting for every participant to accept.</summary>
    AwaitingAnswers = 0,

    /// <summary>All accepted: each bailleur reviews the household moving into its dwelling, then its CALEOL decides.</summary>
    UnderReview = 1,
    Completed = 2,
    Cancelled = 3,

    /// <summary>A participant declined (or did not answer in time).</summary>
    Declined = 4,
}

/// <summary>An exchange between two households (a swap) or three (a chain), followed to its end.</summary>
public class ExchangeProposal
{
    public int Id { get; set; }

    public ProposalOrigin Origin { get; set; }

    public int? ProposedByMemberId { get; set; }

    public DateTime CreatedAt { get; set; }

    public ProposalStatus Status { get; set; }

    public DateTime? ClosedAt { get; set; }

    /// <summary>Why the exchange was cancelled or declined, in French, shown to every participant.</summary>
    public string? ClosingReason { get; set; }

    /// <summary>Whether the households were told of this proposal (the nightly run tells them after it is saved).</summary>
    public bool Announced { get; set; }

    /// <summary>Optimistic-concurrency token: two answers or reviews saved at the same moment cannot overwrite each other.</summary>
    public Guid Version { get; set; }

    public List<ExchangeParticipant> Participants { get; } = [];

    public List<ExchangeMessage> Messages { get; } = [];
}

public enum ParticipantAnswer
{
    Pending = 0,
    Accepted = 1,
    Declined = 2,

    /// <summary>No answer within the allowed time.</summary>
    Expired = 3,
}

public enum CheckOutcome
{
    Pending = 0,
    Favourable = 1,
    Unfavourable = 2,
}

public enum ExchangeCaleolDecision
{
    Pending = 0,
    Attribution = 1,
    Refusal = 2,
}

/// <summary>
/// One household of a proposal: it leaves <see cref="ListingId"/>'s dwelling and moves into the dwelling of the
/// next participant (by <see cref="Position"/>, the last one into the first's). The bailleur of that next dwelling
/// (<see cref="ReceivingBailleurId"/>) reviews the household and brings it before its CALEOL.
/// </summary>
public class ExchangeParticipant
{
    public int Id { get; set; }

    public int ProposalId { get; set; }

    public int Position { get; set; }

    public int MemberId { get; set; }

    public ExchangeMember? Member { get; set; }

    public int ListingId { get; set; }

    public int ReceivingBailleurId { get; set; }

    public ParticipantAnswer Answer { get; set; }

    public DateTime? AnsweredAt { get; set; }

    /// <summary>The household's SNE demand number, required to accept (every exchange is a new allocation).</summary>
    public string? Nur { get; set; }

    /// <summary>The household agrees to share its name and phone with the other participants.</summary>
    public bool SharesContact { get; set; }

    public CheckOutcome OccupationCheck { get; set; }

    public CheckOutcome AdaptationCheck { get; set; }

    public CheckOutcome ArrearsCheck { get; set; }

    public string? ReviewNote { get; set; }

    public DateTime? ReviewedAt { get; set; }

    public ExchangeCaleolDecision CaleolDecision { get; set; }

    public DateOnly? CaleolDate { get; set; }
}

public class ExchangeMessage
{
    public int Id { get; set; }

    public int ProposalId { get; set; }

    public int AuthorMemberId { get; set; }

    public string Body { get; set; } = "";

    public DateTime SentAt { get; set; }
}

/// <summary>A run of the nightly global matching, kept so the EPCI can see what it found and how close to optimal it was.</summary>
public class ExchangeMatchingRun
{
    public int Id { get; set; }

    public DateTime RanAt { get; set; }

    public int Candidates { get; set; }

    public int CyclesFound { get; set; }

    public int CyclesChosen { get; set; }

    public double Objective { get; set; }

    public double? BestBound { get; set; }

    /// <summary>Relative optimality gap proved by the exact solver (0 when optimal), null when it did not run.</summary>
    public double? Gap { get; set; }

    public int ProposalsCreated { get; set; }
}
