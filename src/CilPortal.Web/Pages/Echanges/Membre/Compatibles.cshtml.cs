using CilPortal.Infrastructure.Exchanges;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CilPortal.Web.Pages.Echanges.Membre;

/// <summary>
/// « Compatibles avec moi »: the swaps and 3-way chains, each leg explained, then the dwellings that meet the member's
/// wish with their score, <see cref="ExchangeMatching.SuitablePerPage"/> a page.
/// </summary>
public class CompatiblesModel(ExchangeService exchanges, ExchangeMatching matching) : MemberPageModel(exchanges)
{
    public CompatibleListings Result { get; private set; } = CompatibleListings.WithoutListing;

    public Pagination SuitablePages { get; private set; } = null!;

    // The page number from the query string only: Razor Pages keeps the page's own path in the route value « page ».
    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        Result = await matching.CompatibleAsync(Member.Id, pageNumber ?? 1, cancellationToken);
        SuitablePages = Pagination.Of(Result.SuitablePage, Result.SuitableTotal, ExchangeMatching.SuitablePerPage, PageLink);
    }

    // Each page opens on the list it pages, below the exchanges.
    private static string PageLink(int page) => page == 1 ? "/echanges/compatibles#titre-logements" : $"/echanges/compatibles?page={page}#titre-logements";
}
