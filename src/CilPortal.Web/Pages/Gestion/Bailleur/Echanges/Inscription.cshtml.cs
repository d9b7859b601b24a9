using System.Security.Claims;
using CilPortal.Domain.Exchanges;
using CilPortal.Infrastructure.Audit;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Exchanges;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Bailleur.Echanges;

/// <summary>The agent checks a tenant's registration against the bailleur's records: approve, or refuse with a reason.</summary>
public class InscriptionModel(CilPortalDbContext db, ExchangeService exchanges) : BailleurPageModel
{
    public ExchangeMember? Member { get; private set; }

    public string? Email { get; private set; }

    [BindProperty]
    public MemberRefusalReason Reason { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken cancellationToken) => ReviewAsync(id, true, cancellationToken);

    public Task<IActionResult> OnPostRefuseAsync(int id, CancellationToken cancellationToken) => ReviewAsync(id, false, cancellationToken);

    private async Task<IActionResult> ReviewAsync(int id, bool approve, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var result = await exchanges.ReviewMemberAsync(BailleurId, id, approve, approve ? MemberRefusalReason.None : Reason, Note,
            new AuditActor(User.Identity?.Name ?? "", HttpContext.Connection.RemoteIpAddress?.ToString()), User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Field, error.Message);
            }

            return Page();
        }

        TempData["Message"] = approve ? "Inscription vérifiée : le locataire est prévenu et peut publier son annonce." : "Inscription refusée : le locataire est prévenu du motif.";
        return Redirect("/gestion/bailleur/echanges");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var bailleurId = BailleurId;
        Member = await db.ExchangeMembers.AsNoTracking().Include(m => m.Residence).FirstOrDefaultAsync(m => m.Id == id && m.BailleurId == bailleurId, cancellationToken);
        if (Member is null)
        {
            return false;
        }

        Email = await db.Users.Where(u => u.Id == Member.UserId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        return true;
    }
}
