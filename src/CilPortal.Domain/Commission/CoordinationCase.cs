namespace CilPortal.Domain.Commission;

/// <summary>Why a demand is brought before the coordination commission.</summary>
public enum CaseReason
{
    /// <summary>A demand that stays blocked (long wait, repeated refusals, no suitable stock).</summary>
    BlockedCase = 1,

    /// <summary>An applicant whose situation needs a particular examination (PPGD, L441-2-8).</summary>
    ParticularExamination = 2,

    /// <summary>Follow-up of an applicant recognised under the DALO.</summary>
    DaloFollowUp = 3,

    Other = 4,
}

/// <summary>Where a case stands. A closed case accepts nothing more.</summary>
public enum CaseStatus
{
    Open = 1,
    InProgress = 2,
    Closed = 3,
}

/// <summary>
/// A case of the coordination commission, opened from a demand: why, who referred it, the documents expected,
/// the decisions of the sessions that examined it and the actions that follow, until it is closed with a note.
/// Confidential: the EPCI administrators and the agents invited to it only.
/// </summary>
public class CoordinationCase
{
    public int Id { get; set; }

    public int DemandId { get; set; }

    public CaseReason Reason { get; set; }

    /// <summary>The body that referred the case (CCAS, social worker, bailleur, DALO commission…).</summary>
    public string ReferringBody { get; set; } = "";

    public DateOnly OpenedOn { get; set; }

    public string OpenedBy { get; set; } = "";

    public CaseStatus Status { get; set; } = CaseStatus.Open;

    public DateOnly? ClosedOn { get; set; }

    public string? ClosingNote { get; set; }

    public List<CaseDocument> Documents { get; } = [];

    public List<CaseAction> Actions { get; } = [];

    public List<CaseDecision> Decisions { get; } = [];
}

/// <summary>A line of the case's documents checklist: a document expected, and when it was received (no file is kept).</summary>
public class CaseDocument
{
    public int Id { get; set; }

    public int CaseId { get; set; }

    public string Label { get; set; } = "";

    public DateOnly? ReceivedOn { get; set; }
}

/// <summary>A meeting of the coordination commission: its date, who attended, and a decision per case examined.</summary>
public class CommissionSession
{
    public int Id { get; set; }

    public DateOnly HeldOn { get; set; }

    /// <summary>The attendees, one name (and body) each.</summary>
    public List<string> Attendees { get; set; } = [];

    public string RecordedBy { get; set; } = "";

    /// <summary>The cases examined, each with the decision taken.</summary>
    public List<CaseDecision> Decisions { get; } = [];
}

/// <summary>What a session decided about a case it examined (one decision per case and session).</summary>
public class CaseDecision
{
    public int Id { get; set; }

    public int SessionId { get; set; }

    public CommissionSession? Session { get; set; }

    public int CaseId { get; set; }

    public string Text { get; set; } = "";
}

/// <summary>Something to do for a case, by someone, before a date.</summary>
public class CaseAction
{
    public int Id { get; set; }

    public int CaseId { get; set; }

    public string Description { get; set; } = "";

    /// <summary>Who carries it out, as written (a person, a service, a body).</summary>
    public string OwnerName { get; set; } = "";

    /// <summary>The invited agent's account when the owner is one: they may mark it done.</summary>
    public string? OwnerUserId { get; set; }

    public DateOnly DueOn { get; set; }

    public DateOnly? DoneOn { get; set; }

    public string? DoneBy { get; set; }
}

public static class CommissionLabels
{
    public static string French(this CaseReason reason) => reason switch
    {
        CaseReason.BlockedCase => "Situation bloquée",
        CaseReason.ParticularExamination => "Demandeur nécessitant un examen particulier",
        CaseReason.DaloFollowUp => "Suivi DALO",
        _ => "Autre motif",
    };

    public static string French(this CaseStatus status) => status switch
    {
        CaseStatus.Open => "Ouvert",
        CaseStatus.InProgress => "En cours",
        CaseStatus.Closed => "Clos",
        _ => status.ToString(),
    };
}
