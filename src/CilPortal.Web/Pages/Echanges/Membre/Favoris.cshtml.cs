using CilPortal.Infrastructure.Exchanges;

namespace CilPortal.Web.Pages.Echanges.Membre;

/// <summary>The listings the member marked, still online.</summary>
public class FavorisModel(ExchangeService exchanges, ExchangeQueries queries, ExchangeMatching matching) : MemberPageModel(exchanges)
{
    public IReadOnlyList<ListingCardView> Favourites { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var items = await queries.FavouritesAsync(Member.Id, cancellationToken);
        var scores = await matching.ScoresForAsync(Member.Id, items, cancellationToken);
        Favourites = [.. items.Select(i => new ListingCardView(i, scores.TryGetValue(i.Id, out var score) ? score : null, true))];
    }
}
