using CilPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CilPortal.Web.Pages.MaDemande;

/// <summary>The signed-in applicant's own demand, and only theirs.</summary>
public class IndexModel(DemandStatusQuery demands, UserManager<ApplicationUser> users) : PageModel
{
    public DemandSummary? Summary { get; private set; }

    /// <summary>Where the notices go, and whether the applicant wants them (shown to the account holder only).</summary>
    public (string? Email, bool StatusNotices)? Notices { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (users.GetUserId(User) is { } userId && await demands.ForAccountAsync(userId, cancellationToken) is { } linked)
        {
            Summary = linked.Summary;
            Notices = (linked.NoticeEmail, linked.StatusNotices);
        }
    }
}
