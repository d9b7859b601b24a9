using CilPortal.Domain.Demands;

namespace CilPortal.Web.Pages.MaDemande;

/// <summary>French wording of a demand's status, radiation reasons and events, as the applicant reads them.</summary>
public static class DemandLabels
{
    public static string Status(Demand demand, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(demand);
        return Status(demand.Status, demand.RadiationReason, demand.ExpiresOn, today);
    }

    public static string Status(DemandStatus status, RadiationReason? radiationReason, DateOnly expiresOn, DateOnly today)
    {
        if (status == DemandStatus.StruckOff)
        {
            return radiationReason is { } reason ? $"Radiée : {Radiation(reason)}" : "Radiée";
        }

        return DemandLifecycle.IsLapsed(expiresOn, today)
            ? "Non renouvelée à temps : elle va être radiée"
            : "En cours";
    }

    public static string Radiation(RadiationReason reason) => reason switch
    {
        RadiationReason.LeaseSigned => "attribution d'un logement suivie de la signature du bail",
        RadiationReason.Renunciation => "renonciation écrite",
        RadiationReason.NoAnswerAfterWarning => "absence de réponse un mois après une mise en demeure",
        RadiationReason.Inadmissible => "irrecevabilité constatée un mois après une mise en demeure",
        RadiationReason.NotRenewed => "demande non renouvelée",
        _ => "regroupée avec une autre demande",
    };

    public static string Decision(CilPortal.Domain.Allocations.CaleolDecision decision, int? rank) => decision switch
    {
        CilPortal.Domain.Allocations.CaleolDecision.Attribution when rank is null or 1 => "Attribution (rang 1)",
        CilPortal.Domain.Allocations.CaleolDecision.Attribution => $"Attribution au rang {rank} : le logement vous revient si les candidats classés avant vous le refusent",
        CilPortal.Domain.Allocations.CaleolDecision.ConditionalAttribution => "Attribution sous condition suspensive",
        CilPortal.Domain.Allocations.CaleolDecision.NonAttribution => "Non-attribution",
        _ => "Irrecevabilité",
    };

    public static string Event(DemandEventKind kind) => kind switch
    {
        DemandEventKind.Registered => "Demande enregistrée",
        DemandEventKind.Renewed => "Demande renouvelée",
        DemandEventKind.Updated => "Demande mise à jour",
        DemandEventKind.PriorityPublicLabel => "Reconnue comme public prioritaire",
        DemandEventKind.DaloLabel => "Reconnue prioritaire au titre du DALO",
        DemandEventKind.Designated => "Candidature présentée pour un logement",
        DemandEventKind.CaleolDecision => "Décision de la commission d'attribution",
        DemandEventKind.OfferMade => "Proposition de logement",
        DemandEventKind.OfferAccepted => "Proposition acceptée",
        DemandEventKind.OfferRefused => "Proposition refusée",
        DemandEventKind.LeaseSigned => "Bail signé",
        _ => "Demande radiée",
    };
}
