using CilPortal.Infrastructure.Exchanges;

namespace CilPortal.Web.Pages.Echanges.Membre;

/// <summary>« Compatibles avec moi »: the dwellings that meet the member's wish with their score, and the swaps and 3-way chains, each leg explained.</summary>
public class CompatiblesModel(ExchangeService exchanges, ExchangeMatching matching) : MemberPageModel(exchanges)
{
    public CompatibleListings Result { get; private set; } = new(false, [], []);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await matching.CompatibleAsync(Member.Id, cancellationToken);
}
