using System.Net;
using System.Text.RegularExpressions;

namespace CilPortal.Tests.Support;

/// <summary>Posts real forms: reads the antiforgery token from the page like a browser would.</summary>
public static partial class HtmlForms
{
    /// <param name="action">Where the form posts, when it is not the page it is on (e.g. the header's sign-out form).</param>
    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IDictionary<string, string> fields, string? action = null) =>
        client.PostFormAsync(url, (IEnumerable<KeyValuePair<string, string>>)fields, action);

    /// <summary>
    /// Posts fields that may repeat a name (checkboxes of one group). When the page shows the anti-robot widget and the
    /// fields carry no <c>altcha</c> value, the challenge is fetched and solved first.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var page = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        List<KeyValuePair<string, string>> sent = [.. fields, new("__RequestVerificationToken", Token(page, url))];

        // A form with the anti-robot widget gets its check solved, as the widget does in a browser.
        if (page.Contains("<altcha-widget", StringComparison.Ordinal) && !sent.Any(f => f.Key == AltchaSolver.Field))
        {
            sent.Add(new(AltchaSolver.Field, await AltchaSolver.SolveAsync(client)));
        }

        using var content = new FormUrlEncodedContent(sent);
        return await client.PostAsync(new Uri(action ?? url, UriKind.Relative), content);
    }

    /// <summary>Uploads a file through a page's multipart form, with the page's antiforgery token; returns the page answered.</summary>
    public static async Task<string> UploadFileAsync(this HttpClient client, string url, string content, string fileName, string contentType = "text/csv", string field = "Upload")
    {
        ArgumentNullException.ThrowIfNull(client);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(await TokenAsync(client, url)), "__RequestVerificationToken");
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        form.Add(file, field, fileName);
        var response = await client.PostAsync(new Uri(url, UriKind.Relative), form);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Signs in as a browser would; for an account with two-factor authentication (demo staff), also types the
    /// code the demo sign-in page shows. Returns the answer to the last post.
    /// </summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = CilPortalWebFactory.DemoPassword)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.PostFormAsync("/compte/connexion", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        var landed = response.Headers.Location?.OriginalString ?? response.RequestMessage?.RequestUri?.AbsolutePath ?? "";
        if (!landed.StartsWith("/compte/connexion-code", StringComparison.Ordinal))
        {
            return response;
        }

        var page = await client.GetStringAsync(new Uri("/compte/connexion-code", UriKind.Relative));
        var code = DemoCodePattern().Match(page);
        Assert.True(code.Success, "The demo sign-in page shows no code for a demo staff account.");
        response.Dispose();
        return await client.PostFormAsync("/compte/connexion-code", new Dictionary<string, string> { ["Code"] = code.Groups[1].Value });
    }

    [GeneratedRegex("data-testid=\"demo-code\">([0-9]{6})<")]
    private static partial Regex DemoCodePattern();

    /// <summary>The antiforgery token of the form on a page, as a browser would send it.</summary>
    public static async Task<string> TokenAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        return Token(await client.GetStringAsync(new Uri(url, UriKind.Relative)), url);
    }

    private static string Token(string page, string url)
    {
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, $"No antiforgery token on {url}.");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
