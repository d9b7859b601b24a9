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
