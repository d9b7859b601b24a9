namespace CilPortal.Web.Infrastructure;

/// <summary>Baseline response headers: no framing, no sniffing, a strict content policy (no inline script or style).</summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; font-src 'self'; " +
        "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    /// <param name="contentSecurityPolicy">The policy to send, when a setting widens the default one (reCAPTCHA, see <see cref="CaptchaSetup.ContentSecurityPolicy"/>).</param>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string contentSecurityPolicy = ContentSecurityPolicy) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers.ContentSecurityPolicy = contentSecurityPolicy;
                return Task.CompletedTask;
            });
            await next();
        });
}
