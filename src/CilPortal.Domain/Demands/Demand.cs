using CilPortal.Domain.Scoring;
using CilPortal.Domain.Stock;

namespace CilPortal.Domain.Demands;

/// <summary>Status of a demand, derived from its dated events.</summary>
public enum DemandStatus
{
    Active = 1,

    /// <summary>Struck off (radiée), with a <see cref="RadiationReason"/>.</summary>
    StruckOff = 2,
}

/// <summary>Reasons a demand is struck off (R441-2-8).</summary>
public enum RadiationReason
{
    /// <summary>(a) Allocation followed by a signed lease.</summary>
    LeaseSigned = 1,

    /// <summary>(b) Written renunciation by the applicant.</summary>
    Renunciation = 2,

    /// <summary>(c) No answer one month after a warning.</summary>
    NoAnswerAfterWarning = 3,

    /// <summary>(d) Inadmissibility one month after a warning.</summary>
    Inadmissible = 4,

    /// <summary>(e) Not renewed before the anniversary.</summary>
    NotRenewed = 5,

    /// <summary>(f) Merged into another demand.</summary>
    Merged = 6,
}

/// <summary>The applicant's current housing situation (simplified SNE nomenclature).</summary>
public enum HousingSituation
{
    SocialTenant = 1,
    PrivateTenant = 2,
    Owner = 3,
    HostedByFamilyOrFriends = 4,
    Shelter = 5,
    WithoutHousing = 6,
    FurnishedOrHotel = 7,
    Other = 8,
}

/// <summary>Where a demand came from.</summary>
public enum DemandSource
{
    /// <summary>Imported from the registry (SNE file).</summary>
    SneImport = 1,

    /// <summary>Registered at a desk of this portal (« guichet »), when the portal is the territory's shared file.</summary>
    Desk = 2,
}

/// <summary>A social-housing demand registered in the SNE and mirrored here.</summary>
public class Demand
{
    public int Id { get; set; }

    /// <summary>Numéro unique régional (18 characters), see <see cref="Nur"/>.</summary>
    public string Nur { get; set; } = "";

    public DateOnly FiledOn { get; set; }

    public DemandSource Source { get; set; } = DemandSource.SneImport;

    public DateOnly? LastRenewedOn { get; set; }

    /// <summary>Date after which the demand lapses if not renewed.</summary>
    public DateOnly ExpiresOn { get; set; }

    public DemandStatus Status { get; set; } = DemandStatus.Active;

    public RadiationReason? RadiationReason { get; set; }

    public DateOnly? StruckOffOn { get; set; }

    /// <summary>Recognised as a priority public (L441-1).</summary>
    public bool IsPriorityPublic { get; set; }

    /// <summary>Recognised by the DALO mediation commission.</summary>
    public bool IsDaloRecognised { get; set; }

    public HousingSituation CurrentHousing { get; set; }

    /// <summary>Situations recorded on the demand with supporting documents (read by the cotation).</summary>
    public DemandSituations Situations { get; set; }

    /// <summary>The SNE code of the current dwelling model as imported (e.g. LP), kept when it maps to <see cref="HousingSituation.Other"/>.</summary>
    public string? CurrentHousingCode { get; set; }

    /// <summary>Revenu fiscal de référence of year N-1 of the household, when known.</summary>
    public decimal? ReferenceIncomeN1 { get; set; }

    /// <summary>Revenu fiscal de référence of year N-2 of the household (the one compared with the ceilings).</summary>
    public decimal? ReferenceIncomeN2 { get; set; }

    /// <summary>Number of persons living in the current dwelling.</summary>
    public int? CurrentOccupants { get; set; }

    /// <summary>Monthly rent of the current dwelling, when the applicant pays one.</summary>
    public decimal? CurrentRent { get; set; }

    /// <summary>Living area of the current dwelling, in m².</summary>
    public decimal? CurrentSurface { get; set; }

    public string? CurrentCommuneInseeCode { get; set; }

    /// <summary>Typologies wished for.</summary>
    public TypologySet WishedTypologies { get; set; }

    /// <summary>Highest monthly rent (charges included) the household is ready to pay.</summary>
    public decimal? MaxRent { get; set; }

    /// <summary>E-mail recorded in the registry (overwritten by each SNE import).</summary>
    public string? ContactEmail { get; set; }

    /// <summary>Phone recorded in the registry (overwritten by each SNE import).</summary>
    public string? ContactPhone { get; set; }

    /// <summary>E-mail the applicant chose on this portal for its notices (confirmed); kept across imports.</summary>
    public string? PortalEmail { get; set; }

    /// <summary>Phone the applicant gave on this portal; kept across imports.</summary>
    public string? PortalPhone { get; set; }

    /// <summary>A new portal e-mail waiting for the applicant to click the link sent to it.</summary>
    public string? PendingPortalEmail { get; set; }

    /// <summary>Hash of the token of the confirmation link sent to <see cref="PendingPortalEmail"/>.</summary>
    public string? PendingPortalEmailTokenHash { get; set; }

    public DateTimeOffset? PendingPortalEmailSentAt { get; set; }

    /// <summary>Whether the applicant wants an e-mail at each step of the demand (non-mandatory notices).</summary>
    public bool StatusNotices { get; set; } = true;

    /// <summary>Random token of the unsubscribe link of the notices (it only allows stopping them).</summary>
    public string? NoticeToken { get; set; }

    /// <summary>Where the portal writes: the address chosen on the portal, else the registry's.</summary>
    public string? NoticeEmail => PortalEmail ?? ContactEmail;

    /// <summary>Reception point where the demand was registered, if any.</summary>
    public int? ReceptionPointId { get; set; }

    /// <summary>Hash of the personal access code (never the code itself); null until one is issued.</summary>
    public string? AccessCodeHash { get; set; }

    public DateOnly? AccessCodeIssuedOn { get; set; }

    /// <summary>The expiry date the last renewal reminder was sent for, so that each cycle gets one reminder.</summary>
    public DateOnly? RenewalReminderSentFor { get; set; }

    /// <summary>
    /// The day the retention job removed the personal data of this struck-off demand (see <see cref="PersonalDataRetention"/>);
    /// null while it still holds them.
    /// </summary>
    public DateOnly? PersonalDataPurgedOn { get; set; }

    /// <summary>Whether the demand is part of the fictional demo territory.</summary>
    public bool IsFictional { get; set; }

    public List<HouseholdMember> Members { get; } = [];

    public List<DemandResource> Resources { get; } = [];

    public List<DemandWishedCommune> WishedCommunes { get; } = [];

    public List<DemandEvent> Events { get; } = [];
}

public class DemandWishedCommune
{
    public int DemandId { get; set; }

    public string CommuneInseeCode { get; set; } = "";

    /// <summary>1 for the first choice.</summary>
    public int Rank { get; set; }
}
