using CilPortal.Domain.Allocations;
using CilPortal.Domain.Stock;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CilPortal.Web.Pages.Gestion.Bailleur;

/// <summary>
/// Base of the bailleur agent's pages. The folder's policy requires the bailleur claim; every query of these
/// pages filters on <see cref="BailleurId"/>, so an id of another bailleur's record answers 404.
/// </summary>
public abstract class BailleurPageModel : PageModel
{
    protected int BailleurId => User.GetBailleurId() ?? throw new InvalidOperationException("Compte d'agent bailleur sans bailleur : la politique d'accès aurait dû le refuser.");
}

/// <summary>French labels of the stock and allocation values.</summary>
public static class BailleurLabels
{
    public static string Decision(CaleolDecision decision, int? rank) => decision switch
    {
        CaleolDecision.Attribution => $"Attribution rang {rank ?? 1}",
        CaleolDecision.ConditionalAttribution => rank is null ? "Attribution sous condition suspensive" : $"Attribution sous condition suspensive (rang {rank})",
        CaleolDecision.NonAttribution => "Non-attribution",
        _ => "Irrecevabilité",
    };

    public static string DecisionName(CaleolDecision decision) => decision switch
    {
        CaleolDecision.Attribution => "Attribution",
        CaleolDecision.ConditionalAttribution => "Attribution sous condition suspensive",
        CaleolDecision.NonAttribution => "Non-attribution",
        _ => "Irrecevabilité",
    };

    public static string Answer(OfferAnswer answer) => answer switch
    {
        OfferAnswer.Accepted => "Acceptée",
        OfferAnswer.Refused => "Refusée",
        OfferAnswer.NoAnswer => "Sans réponse",
        _ => "En attente",
    };

    public static string Financing(Financing financing) => financing switch
    {
        Domain.Stock.Financing.Plai => "PLAI",
        Domain.Stock.Financing.Plus => "PLUS",
        _ => "PLS",
    };

    public static string Accessibility(Accessibility accessibility) => accessibility switch
    {
        Domain.Stock.Accessibility.Adaptable => "Adaptable",
        Domain.Stock.Accessibility.WheelchairAdapted => "Adapté fauteuil",
        _ => "—",
    };

    public static string Floor(int floor) => floor == 0 ? "RDC" : floor.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
