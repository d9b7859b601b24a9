using CilPortal.Web.Content;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CilPortal.Web.Pages;

public class PlanDuSiteModel(ContentStore content) : PageModel
{
    public IReadOnlyList<ContentSection> Sections { get; private set; } = [];

    public void OnGet() => Sections = content.Sections();
}
