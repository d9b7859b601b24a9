using CilPortal.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Desabonnement;

/// <summary>
/// The unsubscribe link of the notices: the page asks for a click (no change on GET); mail clients may POST to
/// the same address in one click (RFC 8058), hence no antiforgery token: the random token is the only key,
/// and it can do nothing but stop the notices.
/// </summary>
// No per-address limit: mail providers send one-click unsubscriptions of many people from a few addresses,
// and a 160-bit random token cannot be guessed.
[IgnoreAntiforgeryToken]
public class IndexModel(CilPortalDbContext db, ILogger<IndexModel> logger) : PageModel
{
    public bool Known { get; private set; }

    public bool Done { get; private set; }

    public async Task OnGetAsync(string jeton, CancellationToken cancellationToken) =>
        Known = await db.Demands.AnyAsync(d => d.NoticeToken == jeton, cancellationToken);

    public async Task<IActionResult> OnPostAsync(string jeton, CancellationToken cancellationToken)
    {
        var demand = await db.Demands.SingleOrDefaultAsync(d => d.NoticeToken == jeton, cancellationToken);
        Known = demand is not null;
        if (demand is not null && demand.StatusNotices)
        {
            demand.StatusNotices = false;
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Avis par e-mail arrêtés pour une demande par le lien de désabonnement.");
        }

        Done = Known;
        return Page();
    }
}
