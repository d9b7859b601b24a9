using CilPortal.Web.Content;
using Microsoft.Extensions.Logging.Abstractions;

namespace CilPortal.Tests.Web;

public sealed class ContentStoreTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cilportal-content-").FullName;

    [Fact]
    public void Front_matter_gives_the_title_section_order_and_date_and_the_body_becomes_html()
    {
        Write("deposer", "---\ntitle: Déposer une demande\ndescription: Comment faire.\nsection: demander\norder: 2\nupdated: 2026-11-28\n---\n\n## Où ?\n\nDans un **guichet**.\n");
        using var store = new ContentStore(folder, NullLogger<ContentStore>.Instance);

        var page = store.Find("deposer");

        Assert.NotNull(page);
        Assert.Equal("Déposer une demande", page.Title);
        Assert.Equal("demander", page.Section);
        Assert.Equal(2, page.Order);
        Assert.Equal(new DateOnly(2026, 11, 28), page.Updated);
        Assert.Contains("<h2 id=\"ou\">Où ?</h2>", page.Html, StringComparison.Ordinal);
        Assert.Contains("<strong>guichet</strong>", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_html_and_script_links_in_markdown_never_reach_the_page()
    {
        Write("piege", "---\ntitle: Piège\n---\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[clic](javascript:alert(1))\n");
        using var store = new ContentStore(folder, NullLogger<ContentStore>.Instance);

        var html = store.Find("piege")!.Html;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("../secret")]
    [InlineData("Majuscule")]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData(null)]
    public void Only_lowercase_slugs_of_files_in_the_folder_are_found(string? slug)
    {
        Write("secret", "---\ntitle: Secret\n---\nx");
        using var store = new ContentStore(folder, NullLogger<ContentStore>.Instance);

        Assert.NotNull(store.Find("secret"));
        Assert.Null(store.Find(slug));
    }

    [Fact]
    public void A_section_lists_its_pages_in_order()
    {
        Write("b", "---\ntitle: B\nsection: site\norder: 2\n---\nx");
        Write("a", "---\ntitle: A\nsection: site\norder: 1\n---\nx");
        Write("c", "---\ntitle: C\nsection: autre\norder: 0\n---\nx");
        using var store = new ContentStore(folder, NullLogger<ContentStore>.Instance);

        Assert.Equal(["a", "b"], store.InSection("site").Select(p => p.Slug));
    }

    [Fact]
    public void A_broken_file_is_skipped_and_the_other_pages_stay_up()
    {
        Write("bonne", "---\ntitle: Bonne\n---\nx");
        Write("cassee", "---\ntitle: [oops\norder: deux\n---\nx");
        using var store = new ContentStore(folder, NullLogger<ContentStore>.Instance);

        Assert.NotNull(store.Find("bonne"));
        Assert.Null(store.Find("cassee"));
    }

    [Fact]
    public async Task A_changed_file_is_served_again_without_a_restart()
    {
        Write("page", "---\ntitle: Avant\n---\nx");
        using var store = new ContentStore(folder, NullLogger<ContentStore>.Instance);
        Assert.Equal("Avant", store.Find("page")!.Title);

        Write("page", "---\ntitle: Après\n---\nx");
        for (var i = 0; i < 100 && store.Find("page")!.Title != "Après"; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal("Après", store.Find("page")!.Title);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private void Write(string slug, string text) => File.WriteAllText(Path.Combine(folder, slug + ".md"), text);
}
