using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CilPortal.Web.Pages.Compte;

public class AccesRefuseModel : PageModel
{
    /// <summary>Answers 403 so that tools and tests see the refusal, not a success.</summary>
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
