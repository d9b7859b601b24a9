using System.Net;
using System.Text.RegularExpressions;

namespace CilPortal.Tests.Support;

/// <summary>Posts real forms: reads the antiforgery token from the page like a browser would.</summary>
public static partial class HtmlForms
{
    /// <param name="action">Where the form posts, when it is not the page it is on (e.g. the header's sign-out form).</param>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IDictionary<string, string> fields, string? action = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var page = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, $"No antiforgery token on {url}.");
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(action ?? url, UriKind.Relative), content);
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = CilPortalWebFactory.DemoPassword) =>
        await client.PostFormAsync("/compte/connexion", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
