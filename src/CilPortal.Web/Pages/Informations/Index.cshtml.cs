using CilPortal.Web.Content;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CilPortal.Web.Pages.Informations;

public sealed record ContentSection(string Key, string Title, IReadOnlyList<ContentPage> Pages);

public class IndexModel(ContentStore content) : PageModel
{
    public IReadOnlyList<ContentSection> Sections { get; private set; } = [];

    public void OnGet() =>
        Sections = [.. ContentSections.All
            .Select(s => new ContentSection(s.Key, s.Title, content.InSection(s.Key)))
            .Where(s => s.Pages.Count > 0)];
}
