using CilPortal.Infrastructure.Exchanges;

namespace CilPortal.Web.Pages.Echanges.Membre;

/// <summary>One listing card: the summary, how well it fits the viewer's wish (when it does), and whether it is a favourite.</summary>
public sealed record ListingCardView(ListingSummary Listing, int? Score, bool IsFavourite, bool WantsMine = false);
