using System.Globalization;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CilPortal.Web.Pages;

/// <summary>French status pages (404, 403, 500…), reached by status-code re-execution or the exception handler.</summary>
[IgnoreAntiforgeryToken]
public class ErreurModel(ParisClock clock) : PageModel
{
    public int Code { get; private set; }

    public string Title { get; private set; } = "";

    public string Message { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        Code = code;

        // Asked for directly, the page still answers with the status it describes.
        if (code is >= 400 and <= 599)
        {
            Response.StatusCode = code;
        }

        (Title, Message) = code switch
        {
            404 => ("Page introuvable", "La page que vous cherchez n'existe pas ou a été déplacée. Vérifiez l'adresse ou repartez de l'accueil."),
            403 => ("Accès refusé", "Vous n'avez pas accès à cette page."),
            400 => ("Demande incorrecte", "La demande envoyée n'a pas pu être comprise. Rechargez la page et recommencez."),
            429 => ("Trop de demandes", TooManyRequests(RateLimits.RetryAfter(HttpContext), clock.Now)),
            >= 500 => ("Le service rencontre un problème", "Une erreur technique nous empêche d'afficher cette page. Vos données n'ont pas été modifiées."),
            _ => ("Une erreur est survenue", "La page n'a pas pu être affichée."),
        };
    }

    /// <summary>The 429 message, with the time to wait when the limit said it (Retry-After), in Paris time.</summary>
    public static string TooManyRequests(TimeSpan? retryAfter, DateTime parisNow)
    {
        const string start = "Vous avez fait trop de demandes en peu de temps. ";
        if (retryAfter is not { } delay)
        {
            return start + "Patientez quelques minutes puis recommencez.";
        }

        var minutes = Math.Max(1, (int)Math.Ceiling(delay.TotalMinutes));
        var at = parisNow.Add(delay).AddSeconds(59);
        return start + $"Vous pourrez réessayer dans {minutes} minute{(minutes > 1 ? "s" : "")}, à partir de {at.ToString("HH' h 'mm", CultureInfo.GetCultureInfo("fr-FR"))}.";
    }
}
