using CilPortal.Web.Content;
using CilPortal.Web.Pages.Informations;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CilPortal.Web.Pages;

public class PlanDuSiteModel(ContentStore content) : PageModel
{
    public IReadOnlyList<ContentSection> Sections { get; private set; } = [];

    public void OnGet() =>
        Sections = [.. ContentSections.All
            .Select(s => new ContentSection(s.Key, s.Title, content.InSection(s.Key)))
            .Where(s => s.Pages.Count > 0)];
}
