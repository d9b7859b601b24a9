using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CilPortal.Web.Pages.Gestion;

public class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
