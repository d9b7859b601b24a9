using CilPortal.Domain.Stock;

namespace CilPortal.Domain.Exchanges;

/// <summary>French words for the exchange values, one place for pages, e-mails and audit entries.</summary>
public static class ExchangeLabels
{
    public static string RefusalReason(MemberRefusalReason reason) => reason switch
    {
        MemberRefusalReason.ArrearsOrDispute => "impayés ou litige en cours",
        MemberRefusalReason.NoticeGiven => "congé déjà donné",
        MemberRefusalReason.DwellingToBeSoldOrDemolished => "logement destiné à la vente ou à la démolition",
        MemberRefusalReason.UnknownTenancy => "référence de locataire ou logement non reconnus",
        _ => "non précisé",
    };

    public static string MemberStatus(MemberStatus status) => status switch
    {
        Exchanges.MemberStatus.Verified => "Inscription vérifiée",
        Exchanges.MemberStatus.Refused => "Inscription refusée",
        _ => "En attente de vérification par votre bailleur",
    };

    public static string ListingStatus(ListingStatus status) => status switch
    {
        Exchanges.ListingStatus.Draft => "Brouillon",
        Exchanges.ListingStatus.AwaitingValidation => "En attente de validation par le bailleur",
        Exchanges.ListingStatus.Published => "Publiée",
        Exchanges.ListingStatus.Rejected => "À corriger",
        Exchanges.ListingStatus.Suspended => "Suspendue par le bailleur",
        _ => "Retirée",
    };

    public static string ReportReason(ReportReason reason) => reason switch
    {
        Exchanges.ReportReason.PersonalData => "données personnelles visibles",
        Exchanges.ReportReason.Misleading => "annonce trompeuse",
        Exchanges.ReportReason.Inappropriate => "contenu inapproprié",
        _ => "autre motif",
    };

    public static string ProposalStatus(ProposalStatus status) => status switch
    {
        Exchanges.ProposalStatus.AwaitingAnswers => "En attente des réponses",
        Exchanges.ProposalStatus.UnderReview => "Examen par les bailleurs",
        Exchanges.ProposalStatus.Completed => "Échange validé",
        Exchanges.ProposalStatus.Cancelled => "Annulé",
        _ => "Décliné",
    };

    public static string Answer(ParticipantAnswer answer) => answer switch
    {
        ParticipantAnswer.Accepted => "A accepté",
        ParticipantAnswer.Declined => "A décliné",
        ParticipantAnswer.Expired => "Sans réponse (délai dépassé)",
        _ => "Réponse attendue",
    };

    public static string Check(CheckOutcome outcome) => outcome switch
    {
        CheckOutcome.Favourable => "Favorable",
        CheckOutcome.Unfavourable => "Défavorable",
        _ => "À faire",
    };

    public static string Caleol(ExchangeCaleolDecision decision) => decision switch
    {
        ExchangeCaleolDecision.Attribution => "Attribution",
        ExchangeCaleolDecision.Refusal => "Refus",
        _ => "En attente",
    };

    public static string Heating(HeatingKind heating) => heating switch
    {
        HeatingKind.Individual => "Individuel",
        HeatingKind.Collective => "Collectif",
        _ => "Non précisé",
    };

    public static string Floor(int floor) => floor == 0 ? "rez-de-chaussée" : floor == 1 ? "1er étage" : $"{floor}e étage";

    public static string Accessibility(Accessibility accessibility) => accessibility switch
    {
        Stock.Accessibility.Adaptable => "adaptable",
        Stock.Accessibility.WheelchairAdapted => "adapté fauteuil roulant",
        _ => "non adapté",
    };

    public static string Feature(ExchangeFeatures feature) => feature switch
    {
        ExchangeFeatures.OutdoorSpace => "balcon, terrasse ou jardin",
        ExchangeFeatures.Parking => "place de stationnement",
        ExchangeFeatures.Lift => "ascenseur",
        ExchangeFeatures.IndividualHeating => "chauffage individuel",
        _ => "",
    };
}
