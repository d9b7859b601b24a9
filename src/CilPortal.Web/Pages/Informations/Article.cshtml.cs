using CilPortal.Web.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CilPortal.Web.Pages.Informations;

/// <summary>One Markdown page of content/, found by its slug (anything else is a 404).</summary>
public class ArticleModel(ContentStore content) : PageModel
{
    public ContentPage? Article { get; private set; }

    public ContentPage? Previous { get; private set; }

    public ContentPage? Next { get; private set; }

    public IReadOnlyList<ContentPage> Siblings { get; private set; } = [];

    public string SectionTitle => ContentSections.TitleOf(Article?.Section ?? "");

    public IActionResult OnGet(string slug)
    {
        Article = content.Find(slug);
        if (Article is null)
        {
            return NotFound();
        }

        var siblings = content.InSection(Article.Section);
        Siblings = siblings;
        var index = siblings.ToList().FindIndex(p => p.Slug == Article.Slug);
        Previous = index > 0 ? siblings[index - 1] : null;
        Next = index >= 0 && index < siblings.Count - 1 ? siblings[index + 1] : null;
        return Page();
    }
}
