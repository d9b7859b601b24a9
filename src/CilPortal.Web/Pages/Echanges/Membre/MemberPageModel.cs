using System.Security.Claims;
using CilPortal.Domain.Exchanges;
using CilPortal.Infrastructure.Exchanges;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CilPortal.Web.Pages.Echanges.Membre;

/// <summary>
/// Base of the member's pages: loads the signed-in tenant's membership before any handler. Without one, the visitor
/// is sent to join; unless the page says otherwise, a membership not yet verified by the bailleur is sent to the member space.
/// </summary>
public abstract class MemberPageModel(ExchangeService exchanges) : PageModel
{
    public ExchangeMember Member { get; private set; } = null!;

    protected ExchangeService Exchanges => exchanges;

    protected virtual bool AllowsUnverifiedMember => false;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var member = await exchanges.MemberOfUserAsync(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", HttpContext.RequestAborted);
        if (member is null)
        {
            context.Result = Redirect("/echanges/adhesion");
            return;
        }

        if (!AllowsUnverifiedMember && member.Status != MemberStatus.Verified)
        {
            context.Result = Redirect("/echanges/mon-espace");
            return;
        }

        Member = member;
        await next();
    }

    /// <summary>Puts the service's refusals on the fields of <c>Input</c> (or at the top of the form).</summary>
    protected void AddErrors(ExchangeResult result, string prefix = "Input")
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field.Length == 0 ? "" : $"{prefix}.{error.Field}", error.Message);
        }
    }
}
