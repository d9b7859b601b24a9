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
        var unmarked = RepositoryFiles.RazorPages()
            .SelectMany(page => BoundSelect().Matches(page.Text)
                .SelectMany(select => Option().Matches(select.Value))
                .Select(option => option.Value)
                .Where(option => !option.Contains("selected=", StringComparison.Ordinal) && !option.Contains("value=\"\"", StringComparison.Ordinal))
                .Select(option => $"{page.Name}: {option}"))
            .ToList();

        Assert.Empty(unmarked);
    }

    [GeneratedRegex("<select[^>]*\\basp-for=.*?</select>", RegexOptions.Singleline)]
    private static partial Regex BoundSelect();

    [GeneratedRegex("<option\\b[^>]*>")]
    private static partial Regex Option();
}
