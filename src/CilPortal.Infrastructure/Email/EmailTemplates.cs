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
}
