using System.Security.Claims;
using CilPortal.Domain.Exchanges;
using CilPortal.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Echanges;

/// <summary>The marketplace's public presentation: how it works, who may join, what stays private.</summary>
public class IndexModel(CilPortalDbContext db) : PageModel
{
    public int PublishedListings { get; private set; }

    public int Communes { get; private set; }

    public ExchangeMember? Member { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var visible = db.ExchangeListings.Where(l => l.Status == ListingStatus.Published && l.Member!.Status == MemberStatus.Verified && l.Member.PausedAt == null);
        PublishedListings = await visible.CountAsync(cancellationToken);
        Communes = await visible.Select(l => l.Member!.Residence!.CommuneInseeCode).Distinct().CountAsync(cancellationToken);
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            Member = await db.ExchangeMembers.AsNoTracking().FirstOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        }
    }
}
