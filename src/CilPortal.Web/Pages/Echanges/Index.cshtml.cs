using System.Security.Claims;
using CilPortal.Domain.Exchanges;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Statistics;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CilPortal.Web.Pages.Echanges;

/// <summary>The marketplace's public presentation: how it works, who may join, what stays private.</summary>
public class IndexModel(CilPortalDbContext db, IMemoryCache cache, ExchangeVersion version) : PageModel
{
    /// <summary>How long the figures are kept at most: a change through this instance renews them at once (ExchangeVersion).</summary>
    public static readonly TimeSpan FiguresLifetime = TimeSpan.FromMinutes(5);

    public int PublishedListings { get; private set; }

    public int Communes { get; private set; }

    public ExchangeMember? Member { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Counted over every visible listing (50,000 on the benchmark territory: 55 ms a view), so shared between visitors.
        (PublishedListings, Communes) = await cache.GetOrComputeOnceAsync(
            ("exchange-landing-figures", version.Current),
            FiguresLifetime,
            async () =>
            {
                var visible = db.ExchangeListings.Where(l => l.Status == ListingStatus.Published && l.Member!.Status == MemberStatus.Verified && l.Member.PausedAt == null);
                return (await visible.CountAsync(CancellationToken.None), await visible.Select(l => l.Member!.Residence!.CommuneInseeCode).Distinct().CountAsync(CancellationToken.None));
            },
            version.ChangeToken,
            cancellationToken);
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            Member = await db.ExchangeMembers.AsNoTracking().FirstOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        }
    }
}
