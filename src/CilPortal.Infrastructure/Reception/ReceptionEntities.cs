namespace CilPortal.Infrastructure.Reception;

/// <summary>The reception points a reception agent works at (an agent records interviews there).</summary>
public class ReceptionAgentAssignment
{
    public string UserId { get; set; } = "";

    public int ReceptionPointId { get; set; }
}

/// <summary>Why a member of staff opened a demand (the "why-code" of the audit log).</summary>
public enum DemandAccessPurpose
{
    Reception = 1,
    Appointment = 2,
    PhoneCall = 3,
    FollowUp = 4,
    Designation = 5,

    /// <summary>A case of the coordination commission that concerns the demand (never a reason to open it at a desk).</summary>
    Commission = 6,
}

/// <summary>One read (or change) of a demand by staff: who, when, why. Kept for the data protection officer.</summary>
public class DemandAccessLog
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string UserName { get; set; } = "";

    public int DemandId { get; set; }

    public DemandAccessPurpose Purpose { get; set; }

    /// <summary>What was done: consultation, entretien, fiche, code…</summary>
    public string Action { get; set; } = "";
}

public static class DemandAccessPurposeLabels
{
    /// <summary>The reasons a desk may give to open a demand (the commission reads its cases through its own pages).</summary>
    public static IReadOnlyList<DemandAccessPurpose> Desk { get; } = [.. Enum.GetValues<DemandAccessPurpose>().Where(p => p != DemandAccessPurpose.Commission)];

    public static string French(this DemandAccessPurpose purpose) => purpose switch
    {
        DemandAccessPurpose.Reception => "Accueil du demandeur au guichet",
        DemandAccessPurpose.Appointment => "Rendez-vous",
        DemandAccessPurpose.PhoneCall => "Appel du demandeur",
        DemandAccessPurpose.FollowUp => "Suivi ou relance",
        DemandAccessPurpose.Designation => "Examen pour une désignation",
        DemandAccessPurpose.Commission => "Commission de coordination",
        _ => purpose.ToString(),
    };
}
