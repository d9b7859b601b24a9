using CilPortal.Domain.Stock;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Exchanges;
using CilPortal.Infrastructure.Statistics;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Echanges.Membre;

/// <summary>Browse and search the published listings with filters (a GET form: the address can be bookmarked).</summary>
public class AnnoncesModel(ExchangeService exchanges, ExchangeQueries queries, ExchangeMatching matching, CilPortalDbContext db, CommuneNames communeNames) : MemberPageModel(exchanges)
{
    [BindProperty(SupportsGet = true, Name = "commune")]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true, Name = "typologie")]
    public Typology? Typology { get; set; }

    [BindProperty(SupportsGet = true, Name = "loyer-max")]
    public string? MaxRent { get; set; }

    [BindProperty(SupportsGet = true, Name = "surface-min")]
    public string? MinSurface { get; set; }

    [BindProperty(SupportsGet = true, Name = "qpv")]
    public string? Qpv { get; set; }

    [BindProperty(SupportsGet = true, Name = "accessible")]
    public bool AccessibleOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = "exterieur")]
    public bool OutdoorOnly { get; set; }

    // From the query string only: Razor Pages keeps the page's own path in the route value « page ».
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<ListingCardView> Results { get; private set; } = [];

    public int Total { get; private set; }

    public IReadOnlyList<CommuneOption> Communes { get; private set; } = [];

    public int PageCount => Math.Max(1, (Math.Min(Total, ExchangeQueries.MaxCounted) + ExchangeQueries.PageSize - 1) / ExchangeQueries.PageSize);

    /// <summary>More results than are counted: the page says so and suggests narrowing the search.</summary>
    public bool MoreThanCounted => Total > ExchangeQueries.MaxCounted;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // The search's four queries (count, page, favourites, the member's own listing) on one connection.
        await using var connection = await db.OpenConnectionScopeAsync(cancellationToken);
        Communes = await communeNames.InFrenchOrderAsync(cancellationToken);
        decimal? Amount(string? text, string key, string message)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            var value = FrenchAmount.TryParse(text);
            if (value is null or < 0)
            {
                ModelState.AddModelError(key, message);
                return null;
            }

            return value;
        }

        var maxRent = Amount(MaxRent, "loyer-max", "Saisissez le loyer maximal en chiffres, par exemple 650.");
        var minSurface = Amount(MinSurface, "surface-min", "Saisissez la surface minimale en chiffres, par exemple 60.");
        if (Typology is { } t && !Enum.IsDefined(t))
        {
            Typology = null;
        }

        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        var filter = new ListingFilter(string.IsNullOrEmpty(Commune) ? null : Commune, Typology, maxRent, minSurface, Qpv switch { "oui" => true, "non" => false, _ => null }, AccessibleOnly, OutdoorOnly);
        var (items, total) = await queries.SearchAsync(Member.Id, filter, PageNumber, cancellationToken);
        Total = total;
        var favourites = await queries.FavouriteIdsAsync(Member.Id, cancellationToken);
        var scores = await matching.ScoresForAsync(Member.Id, items, cancellationToken);
        Results = [.. items.Select(i => new ListingCardView(i, scores.TryGetValue(i.Id, out var score) ? score : null, favourites.Contains(i.Id)))];
    }

    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["commune"] = Commune,
        ["typologie"] = Typology?.ToString(),
        ["loyer-max"] = MaxRent,
        ["surface-min"] = MinSurface,
        ["qpv"] = Qpv,
        ["accessible"] = AccessibleOnly ? "true" : null,
        ["exterieur"] = OutdoorOnly ? "true" : null,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}
