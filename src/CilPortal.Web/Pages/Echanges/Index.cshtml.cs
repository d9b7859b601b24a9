using System.Security.Claims;
using CilPortal.Domain.Exchanges;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Exchanges;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Echanges;

/// <summary>The marketplace's public presentation: how it works, who may join, what stays private.</summary>
public class IndexModel(CilPortalDbContext db, ExchangeQueries queries) : PageModel
{
    public MarketplaceFigures Figures { get; private set; } = new(0, 0);

    public ExchangeMember? Member { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Figures = await queries.FiguresAsync(cancellationToken);
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            Member = await db.ExchangeMembers.AsNoTracking().FirstOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        }
    }
}
