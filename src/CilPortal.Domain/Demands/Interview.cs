namespace CilPortal.Domain.Demands;

/// <summary>Why an applicant was received (PPGD information service).</summary>
public enum InterviewReason
{
    FirstInformation = 1,
    RenewalHelp = 2,
    Update = 3,
    Difficulty = 4,
    SocialWorkerReferral = 5,
    DaloInformation = 6,
    OfferFollowUp = 7,
    Other = 8,
}

/// <summary>A meeting of an applicant with a reception desk. The outcome is shown to the applicant; the notes are not.</summary>
public class Interview
{
    public int Id { get; set; }

    public int DemandId { get; set; }

    public int ReceptionPointId { get; set; }

    public DateOnly HeldOn { get; set; }

    public InterviewReason Reason { get; set; }

    /// <summary>What was decided or explained, in words the applicant will read in Ma demande.</summary>
    public string Outcome { get; set; } = "";

    public DateOnly? FollowUpOn { get; set; }

    /// <summary>Internal notes for the desk (never shown to the applicant; no sensitive data).</summary>
    public string? Notes { get; set; }

    public string RecordedBy { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }
}

public static class InterviewReasonLabels
{
    public static string French(this InterviewReason reason) => reason switch
    {
        InterviewReason.FirstInformation => "Première information",
        InterviewReason.RenewalHelp => "Aide au renouvellement",
        InterviewReason.Update => "Mise à jour de la demande",
        InterviewReason.Difficulty => "Difficulté particulière",
        InterviewReason.SocialWorkerReferral => "Orientation vers un travailleur social",
        InterviewReason.DaloInformation => "Information sur le DALO",
        InterviewReason.OfferFollowUp => "Suite d'une proposition de logement",
        _ => "Autre",
    };
}

/// <summary>Supporting documents a reception desk checks off (the list of the national CERFA form's annex).</summary>
public enum DocumentKind
{
    Identity = 1,
    ResidencePermit = 2,
    TaxNotice = 3,
    RecentResources = 4,
    FamilySituation = 5,
    CurrentHousing = 6,
    Disability = 7,
    EvictionProcedure = 8,
    DomesticViolence = 9,
    Other = 10,
}

/// <summary>A document received for a demand (only the fact and the date: no file is stored).</summary>
public class DemandDocument
{
    public int DemandId { get; set; }

    public DocumentKind Kind { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public string RecordedBy { get; set; } = "";
}

public static class DocumentKindLabels
{
    public static string French(this DocumentKind kind) => kind switch
    {
        DocumentKind.Identity => "Pièce d'identité de chaque adulte",
        DocumentKind.ResidencePermit => "Titre de séjour (personnes étrangères hors Union européenne)",
        DocumentKind.TaxNotice => "Avis d'imposition N-2 (et N-1 si disponible)",
        DocumentKind.RecentResources => "Justificatifs de ressources des trois derniers mois",
        DocumentKind.FamilySituation => "Livret de famille, acte de naissance ou jugement (situation familiale)",
        DocumentKind.CurrentHousing => "Justificatif du logement actuel (quittance, attestation d'hébergement)",
        DocumentKind.Disability => "Carte mobilité inclusion ou décision MDPH",
        DocumentKind.EvictionProcedure => "Pièces de la procédure d'expulsion",
        DocumentKind.DomesticViolence => "Justificatif de violences (ordonnance de protection, dépôt de plainte)",
        _ => "Autre justificatif",
    };
}
