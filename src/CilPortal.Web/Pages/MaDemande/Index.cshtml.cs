using CilPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CilPortal.Web.Pages.MaDemande;

/// <summary>The signed-in applicant's own demand, and only theirs.</summary>
public class IndexModel(DemandStatusQuery demands, UserManager<ApplicationUser> users) : PageModel
{
    /// <summary>The demand linked to the account, with where its notices go (shown to the account holder only); null when none is.</summary>
    public AccountDemand? Linked { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (users.GetUserId(User) is { } userId)
        {
            Linked = await demands.ForAccountAsync(userId, cancellationToken);
        }
    }
}
