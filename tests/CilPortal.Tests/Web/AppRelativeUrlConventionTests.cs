using System.Text.RegularExpressions;
using CilPortal.Tests.Support;

namespace CilPortal.Tests.Web;

/// <summary>
/// The URL resolution tag helper is removed (Pages/_ViewImports.cshtml, issue #11): an attribute written <c>"~/…"</c>
/// would reach the browser as is, a broken link or a missing style sheet. The portal is served at the root: pages write
/// <c>"/…"</c>.
/// </summary>
public partial class AppRelativeUrlConventionTests
{
    [Fact]
    public void No_page_writes_an_address_relative_to_the_application_root()
    {
        var found = RepositoryFiles.RazorPages()
            .SelectMany(page => AppRelativeAttribute().Matches(page.Text).Select(m => $"{page.Name}: {m.Value}"))
            .ToList();

        Assert.Empty(found);
    }

    [GeneratedRegex("=\\s*[\"']~/[^\"']*")]
    private static partial Regex AppRelativeAttribute();
}
