namespace CilPortal.Domain.Scoring;

/// <summary>
/// Situations of a household recorded on its demand (declared with supporting documents at the reception
/// desk, or imported). Situations that can be computed from the demand itself — without housing, hosted,
/// in shelter, over-occupation, housing-cost burden, single parent — are not stored here but derived.
/// </summary>
[Flags]
public enum DemandSituations
{
    None = 0,

    /// <summary>Victim of domestic violence, or threatened with forced marriage (L441-1 d).</summary>
    DomesticViolence = 1,

    /// <summary>Disability of the applicant or of a member of the household (L441-1 a).</summary>
    Disability = 2,

    /// <summary>Threatened with eviction without rehousing (L441-1 h).</summary>
    EvictionThreat = 4,

    /// <summary>Living in unfit, unsafe or indecent housing (L441-1 c, e, g).</summary>
    UnfitHousing = 8,

    /// <summary>A job or a firm job offer far from the current home, near the wished communes.</summary>
    JobNearby = 16,

    /// <summary>Resuming work after a long period of unemployment (L441-1 f).</summary>
    ResumingWork = 32,

    /// <summary>To be rehoused because of an urban-renewal operation (demolition, NPNRU).</summary>
    UrbanRenewalRehousing = 64,
}

public static class DemandSituationsExtensions
{
    public static IEnumerable<DemandSituations> Members(this DemandSituations situations) =>
        Enum.GetValues<DemandSituations>().Where(s => s != DemandSituations.None && situations.HasFlag(s));

    public static string FrenchLabel(this DemandSituations situation) => situation switch
    {
        DemandSituations.DomesticViolence => "Violences au sein du couple ou de la famille, menace de mariage forcé",
        DemandSituations.Disability => "Handicap d'une personne du foyer",
        DemandSituations.EvictionThreat => "Menace d'expulsion sans relogement",
        DemandSituations.UnfitHousing => "Logement indigne, insalubre ou indécent",
        DemandSituations.JobNearby => "Emploi ou promesse d'embauche près des communes souhaitées",
        DemandSituations.ResumingWork => "Reprise d'activité après un chômage de longue durée",
        DemandSituations.UrbanRenewalRehousing => "Relogement lié à un projet de renouvellement urbain",
        _ => situation.ToString(),
    };
}
