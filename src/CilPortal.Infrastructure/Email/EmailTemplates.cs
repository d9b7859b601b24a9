using System.Globalization;
using System.Net;

namespace CilPortal.Infrastructure.Email;

/// <summary>The portal's messages, in plain French, as text and HTML.</summary>
public static class EmailTemplates
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static EmailMessage RenewalReminder(string to, string nur, DateOnly expiresOn, string portalUrl, string epciName)
    {
        var date = expiresOn.ToString("d MMMM yyyy", French);
        var text = $"""
            Bonjour,

            Votre demande de logement social n° {nur} doit être renouvelée avant le {date}.

            Sans renouvellement à cette date, elle sera radiée et vous perdrez son ancienneté.

            Pour la renouveler : en ligne sur le portail national de la demande de logement social, ou dans un lieu d'accueil :
            {portalUrl}/lieux-accueil

            Suivre votre demande : {portalUrl}/ma-demande

            {epciName} — service d'information des demandeurs de logement social.
            Ce message est envoyé automatiquement ; merci de ne pas y répondre.
            """;
        var html = $"""
            <p>Bonjour,</p>
            <p>Votre demande de logement social n° <strong>{WebUtility.HtmlEncode(nur)}</strong> doit être renouvelée <strong>avant le {date}</strong>.</p>
            <p>Sans renouvellement à cette date, elle sera radiée et vous perdrez son ancienneté.</p>
            <p>Pour la renouveler : en ligne sur le portail national de la demande de logement social, ou dans un <a href="{portalUrl}/lieux-accueil">lieu d'accueil</a>.</p>
            <p><a href="{portalUrl}/ma-demande">Suivre votre demande</a></p>
            <p>{WebUtility.HtmlEncode(epciName)} — service d'information des demandeurs de logement social.<br>Ce message est envoyé automatiquement ; merci de ne pas y répondre.</p>
            """;
        return new EmailMessage(to, $"Votre demande de logement n° {nur} est à renouveler avant le {date}", text, html, "renouvellement");
    }

    /// <summary>A step of the demand (decision, offer, label, radiation): a non-mandatory notice, with its unsubscribe link.</summary>
    public static EmailMessage StatusNotice(string to, string nur, DateOnly on, string what, string portalUrl, string epciName, string unsubscribeUrl)
    {
        var date = on.ToString("d MMMM yyyy", French);
        var text = $"""
            Bonjour,

            Du nouveau pour votre demande de logement social n° {nur}, le {date} :
            {what}

            Tous les détails (décisions, rang, délais, logement proposé) : {portalUrl}/ma-demande

            Vous recevez ce message parce que vous avez demandé à être prévenu à chaque étape.
            Ne plus recevoir ces avis : {unsubscribeUrl}
            (Les rappels de renouvellement, obligatoires, continueront d'être envoyés.)

            {epciName} — service d'information des demandeurs de logement social.
            """;
        var html = $"""
            <p>Bonjour,</p>
            <p>Du nouveau pour votre demande de logement social n° <strong>{WebUtility.HtmlEncode(nur)}</strong>, le {date} :</p>
            <p><strong>{WebUtility.HtmlEncode(what)}</strong></p>
            <p><a href="{portalUrl}/ma-demande">Voir tous les détails de ma demande</a> (décisions, rang, délais, logement proposé).</p>
            <p>Vous recevez ce message parce que vous avez demandé à être prévenu à chaque étape. <a href="{unsubscribeUrl}">Ne plus recevoir ces avis</a>. Les rappels de renouvellement, obligatoires, continueront d'être envoyés.</p>
            <p>{WebUtility.HtmlEncode(epciName)} — service d'information des demandeurs de logement social.</p>
            """;
        return new EmailMessage(to, $"Votre demande de logement n° {nur} : du nouveau", text, html, "avis", unsubscribeUrl);
    }

    public static EmailMessage ConfirmNoticeEmail(string to, string nur, string confirmUrl, string epciName)
    {
        var text = $"""
            Bonjour,

            Vous avez demandé à recevoir à cette adresse les avis de votre demande de logement social n° {nur}.
            Pour confirmer, ouvrez ce lien dans les 24 heures (connecté à votre compte) :
            {confirmUrl}

            Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.

            {epciName} — service d'information des demandeurs de logement social.
            """;
        var html = $"""
            <p>Bonjour,</p>
            <p>Vous avez demandé à recevoir à cette adresse les avis de votre demande de logement social n° <strong>{WebUtility.HtmlEncode(nur)}</strong>.</p>
            <p><a href="{confirmUrl}">Confirmer cette adresse</a> dans les 24 heures (connecté à votre compte).</p>
            <p>Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.</p>
            <p>{WebUtility.HtmlEncode(epciName)} — service d'information des demandeurs de logement social.</p>
            """;
        return new EmailMessage(to, "Confirmez l'adresse des avis de votre demande de logement", text, html, "confirmation-adresse");
    }

    public static EmailMessage AppointmentConfirmation(string to, string place, string address, DateTime startsAt, string cancelUrl, string epciName)
    {
        var when = startsAt.ToString("dddd d MMMM yyyy 'à' H'h'mm", French);
        var text = $"""
            Bonjour,

            Votre rendez-vous est confirmé : {when}, {place}, {address}.

            Apportez votre numéro unique de demande si vous en avez un, une pièce d'identité et vos derniers justificatifs de ressources.

            Annuler ou changer ce rendez-vous : {cancelUrl}

            {epciName} — service d'information des demandeurs de logement social.
            """;
        var html = $"""
            <p>Bonjour,</p>
            <p>Votre rendez-vous est confirmé : <strong>{WebUtility.HtmlEncode(when)}</strong>, {WebUtility.HtmlEncode(place)}, {WebUtility.HtmlEncode(address)}.</p>
            <p>Apportez votre numéro unique de demande si vous en avez un, une pièce d'identité et vos derniers justificatifs de ressources.</p>
            <p><a href="{cancelUrl}">Annuler ou changer ce rendez-vous</a></p>
            <p>{WebUtility.HtmlEncode(epciName)} — service d'information des demandeurs de logement social.</p>
            """;
        return new EmailMessage(to, $"Rendez-vous confirmé le {when}", text, html, "rendez-vous");
    }

    public static EmailMessage AppointmentReminder(string to, string place, string address, DateTime startsAt, string bookingUrl, string epciName)
    {
        var when = startsAt.ToString("dddd d MMMM yyyy 'à' H'h'mm", French);
        var text = $"""
            Bonjour,

            Rappel : vous avez rendez-vous demain, {when}, {place}, {address}.

            Vous ne pouvez pas venir ? Annulez avec le lien de votre e-mail de confirmation, pour libérer la place : {bookingUrl}

            {epciName} — service d'information des demandeurs de logement social.
            """;
        var html = $"""
            <p>Bonjour,</p>
            <p>Rappel : vous avez rendez-vous demain, <strong>{WebUtility.HtmlEncode(when)}</strong>, {WebUtility.HtmlEncode(place)}, {WebUtility.HtmlEncode(address)}.</p>
            <p>Vous ne pouvez pas venir ? Annulez avec le lien de votre e-mail de confirmation, pour libérer la place.</p>
            <p>{WebUtility.HtmlEncode(epciName)} — service d'information des demandeurs de logement social.</p>
            """;
        return new EmailMessage(to, $"Rappel : rendez-vous demain, {when}", text, html, "rappel-rendez-vous");
    }

    public static EmailMessage AppointmentCancelledByDesk(string to, string place, DateTime startsAt, string bookingUrl, string epciName)
    {
        var when = startsAt.ToString("dddd d MMMM yyyy 'à' H'h'mm", French);
        var text = $"""
            Bonjour,

            Nous sommes désolés : votre rendez-vous du {when} à {place} est annulé par le lieu d'accueil.

            Pour prendre un autre rendez-vous : {bookingUrl}

            {epciName} — service d'information des demandeurs de logement social.
            """;
        var html = $"""
            <p>Bonjour,</p>
            <p>Nous sommes désolés : votre rendez-vous du <strong>{WebUtility.HtmlEncode(when)}</strong> à {WebUtility.HtmlEncode(place)} est annulé par le lieu d'accueil.</p>
            <p><a href="{bookingUrl}">Prendre un autre rendez-vous</a></p>
            <p>{WebUtility.HtmlEncode(epciName)} — service d'information des demandeurs de logement social.</p>
            """;
        return new EmailMessage(to, $"Rendez-vous du {when} annulé", text, html, "annulation-rendez-vous");
    }

    /// <summary>A staff account created by the EPCI: the link to choose its password (valid one day, once).</summary>
    public static EmailMessage StaffAccountLink(string to, string name, string role, string link, string epciName)
    {
        var text = $"""
            Bonjour {name},

            Un compte « {role} » vient d'être ouvert pour vous sur le portail du logement social de {epciName}.

            Pour choisir votre mot de passe, ouvrez ce lien dans les 24 heures (il ne sert qu'une fois) :
            {link}

            Vous mettrez ensuite en place la double authentification avec une application sur votre téléphone.
            Si vous n'attendiez pas ce message, ignorez-le et prévenez l'administrateur du portail.
            """;
        var html = $"""
            <p>Bonjour {WebUtility.HtmlEncode(name)},</p>
            <p>Un compte « {WebUtility.HtmlEncode(role)} » vient d'être ouvert pour vous sur le portail du logement social de {WebUtility.HtmlEncode(epciName)}.</p>
            <p><a href="{WebUtility.HtmlEncode(link)}">Choisir mon mot de passe</a> (lien valable 24 heures, une seule fois).</p>
            <p>Vous mettrez ensuite en place la double authentification avec une application sur votre téléphone.</p>
            <p>Si vous n'attendiez pas ce message, ignorez-le et prévenez l'administrateur du portail.</p>
            """;
        return new EmailMessage(to, "Votre compte sur le portail du logement social", text, html, "compte-agent");
    }
}
