using System.Net;
using System.Text.RegularExpressions;

namespace CilPortal.LoadBench;

/// <summary>A cookie jar on the portal: reads pages, their antiforgery token, and signs in (with the demo code when asked).</summary>
public sealed partial class Browser(Uri baseAddress)
{
    private readonly CookieContainer cookies = new();

    public string CookieHeader => cookies.GetCookieHeader(baseAddress);

    public static async Task<Browser> SignInAsync(Uri baseAddress, string email, string password)
    {
        var browser = new Browser(baseAddress);
        var token = Token(await browser.GetAsync("compte/connexion"));
        var next = await browser.PostAsync("compte/connexion", Form(("Input.Email", email), ("Input.Password", password), ("__RequestVerificationToken", token)));
        if (next?.Contains("connexion-code", StringComparison.Ordinal) == true)
        {
            var page = await browser.GetAsync("compte/connexion-code");
            var code = DemoCode().Match(page).Groups[1].Value;
            next = await browser.PostAsync("compte/connexion-code", Form(("Code", code), ("__RequestVerificationToken", Token(page))));
        }

        if (next is null || next.Contains("/compte/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Connexion de {email} impossible (mot de passe : BENCH_PASSWORD, celui de bench/generate).");
        }

        return browser;
    }

    /// <summary>A GET with its status, text and time (from the request to the last byte read), redirects not followed.</summary>
    public async Task<(int Status, string Text, TimeSpan Time)> TimedGetAsync(string path)
    {
        using var client = Client();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text, clock.Elapsed);
    }

    public async Task<string> GetAsync(string path)
    {
        using var client = Client();
        return await client.GetStringAsync(new Uri(path, UriKind.Relative));
    }

    /// <summary>Posts a form; returns where it redirects (null when it does not).</summary>
    public async Task<string?> PostAsync(string path, string body)
    {
        using var client = Client();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        return response.Headers.Location?.ToString();
    }

    public static string Token(string html)
    {
        var match = TokenPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("Jeton antiforgery absent de la page.");
    }

    public static string Form(params (string Name, string Value)[] fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(f.Value)}"));

    private HttpClient Client()
    {
#pragma warning disable CA2000 // The client disposes the handler.
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies };
#pragma warning restore CA2000
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = baseAddress };
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("data-testid=\"demo-code\">([0-9]{6})<")]
    private static partial Regex DemoCode();
}
