using System.Text.RegularExpressions;
using CilPortal.Tests.Support;

namespace CilPortal.Tests.Web;

/// <summary>
/// The option tag helper is removed (Pages/_ViewImports.cshtml, issue #11): nothing marks the option of a list bound with
/// <c>asp-for</c> but the option itself. A list whose options forgot to say <c>selected</c> would show its first option
/// instead of the saved value, or of the value posted when the form comes back with an error.
/// </summary>
public partial class SelectListConventionTests
{
    [Fact]
    public void Every_option_of_a_list_bound_to_the_model_says_whether_it_is_selected()
    {
        var pages = Path.Combine(RepositoryFiles.Root, "src", "CilPortal.Web", "Pages");
        var unmarked = new List<string>();
        foreach (var file in Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories))
        {
            foreach (Match select in BoundSelect().Matches(File.ReadAllText(file)))
            {
                unmarked.AddRange(Option().Matches(select.Value)
                    .Select(o => o.Value)
                    .Where(o => !o.Contains("selected=", StringComparison.Ordinal) && !o.Contains("value=\"\"", StringComparison.Ordinal))
                    .Select(o => $"{Path.GetRelativePath(pages, file)}: {o}"));
            }
        }

        Assert.Empty(unmarked);
    }

    [GeneratedRegex("<select[^>]*\\basp-for=.*?</select>", RegexOptions.Singleline)]
    private static partial Regex BoundSelect();

    [GeneratedRegex("<option\\b[^>]*>")]
    private static partial Regex Option();
}
