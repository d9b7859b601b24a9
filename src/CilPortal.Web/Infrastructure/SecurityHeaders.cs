using System.Security.Cryptography;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CilPortal.Web.Infrastructure;

/// <summary>
/// Baseline response headers: no framing, no sniffing, a strict content policy — files from the portal itself, and an
/// inline <c>&lt;script&gt;</c> or <c>&lt;style&gt;</c> only when it carries this request's nonce (<c>asp-add-nonce</c>);
/// never <c>'unsafe-inline'</c> —, a referrer kept to the origin, browser features off, and no caching of what a
/// signed-in person sees. HSTS (one year, sub-domains) is added outside Development by <c>UseHsts</c>.
/// </summary>
public static class SecurityHeaders
{
    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), " +
        "microphone=(), midi=(), payment=(), publickey-credentials-get=(), usb=()";

    /// <summary>The Content-Security-Policy of a response whose nonce is <paramref name="nonce"/>.</summary>
    public static string ContentSecurityPolicy(string nonce) =>
        $"default-src 'self'; img-src 'self' data:; style-src 'self' 'nonce-{nonce}'; script-src 'self' 'nonce-{nonce}'; font-src 'self'; " +
        "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    /// <param name="widen">Widens the request's policy when a setting needs it (reCAPTCHA, see <see cref="CaptchaSetup.ContentSecurityPolicy"/>).</param>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, Func<string, string>? widen = null) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";

                // Again when an error page cleared the headers (same nonce: it belongs to the request).
                if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
                {
                    headers.ContentSecurityPolicy = widen is null ? ContentSecurityPolicy(context.GetCspNonce()) : widen(ContentSecurityPolicy(context.GetCspNonce()));
                }

                // Pages of a signed-in person (their demand, staff screens) stay out of the browser's and proxies' caches.
                if (context.User.Identity?.IsAuthenticated == true)
                {
                    headers.CacheControl = "no-store";
                    headers.Pragma = "no-cache";
                }

                return Task.CompletedTask;
            });
            // Set before the page runs, not when the response starts: the output cache (PublicPageCache) then stores the
            // policy with the page and serves it back with it, its nonce being the one written in the page.
            context.Response.Headers.ContentSecurityPolicy = widen is null ? ContentSecurityPolicy(context.GetCspNonce()) : widen(ContentSecurityPolicy(context.GetCspNonce()));
            await next();
        });
}

/// <summary>The Content-Security-Policy nonce of a request: 128 random bits, made at first use, the same for the header and the page.</summary>
public static class CspNonce
{
    public const string ItemKey = "cilportal:csp-nonce";

    public static string GetCspNonce(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(ItemKey, out var existing) && existing is string nonce)
        {
            return nonce;
        }

        nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[ItemKey] = nonce;
        return nonce;
    }
}

/// <summary>
/// <c>&lt;script asp-add-nonce&gt;</c> or <c>&lt;style asp-add-nonce&gt;</c>: writes the request's nonce, without
/// which the Content-Security-Policy blocks an inline script or style.
/// </summary>
[HtmlTargetElement("script", Attributes = AttributeName)]
[HtmlTargetElement("style", Attributes = AttributeName)]
public sealed class CspNonceTagHelper : TagHelper
{
    public const string AttributeName = "asp-add-nonce";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Attributes.RemoveAll(AttributeName);
        output.Attributes.SetAttribute("nonce", ViewContext.HttpContext.GetCspNonce());
    }
}
