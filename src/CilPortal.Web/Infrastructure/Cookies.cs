using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CilPortal.Web.Infrastructure;

/// <summary>
/// The portal's cookies: HttpOnly, SameSite, path « / », no domain, and — with <c>Security:SecureCookies</c> on, as
/// everywhere but a developer's plain-HTTP machine — Secure and named with the <c>__Host-</c> prefix, which browsers
/// accept only from HTTPS, for the whole host and no sub-domain.
/// </summary>
public static class CilPortalCookies
{
    public const string HostPrefix = "__Host-";

    public const string Session = "CilPortal.Session";
    public const string TwoFactor = "CilPortal.TwoFactor";
    public const string TwoFactorRemember = "CilPortal.TwoFactorRemember";
    public const string External = "CilPortal.External";
    public const string Antiforgery = "CilPortal.Antiforgery";
    public const string TempData = "CilPortal.TempData";

    /// <summary>The cookie name as sent: <c>__Host-CilPortal.Session</c> when secure, <c>.CilPortal.Session</c> on plain HTTP.</summary>
    public static string Name(string name, bool secure) => (secure ? HostPrefix : ".") + name;

    /// <summary>Names and flags of every cookie; <paramref name="configureSession"/> adds the session cookie's paths and events.</summary>
    public static IServiceCollection AddCilPortalCookies(this IServiceCollection services, bool secure, Action<CookieAuthenticationOptions> configureSession)
    {
        ArgumentNullException.ThrowIfNull(configureSession);
        var policy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        void Flags(CookieBuilder cookie, string name)
        {
            cookie.Name = Name(name, secure);
            cookie.HttpOnly = true;
            cookie.SecurePolicy = policy;
            cookie.Path = "/";
            cookie.Domain = null;
        }

        services.ConfigureApplicationCookie(options =>
        {
            Flags(options.Cookie, Session);
            options.Cookie.SameSite = SameSiteMode.Lax;
            configureSession(options);
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, options => Flags(options.Cookie, TwoFactor));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, options => Flags(options.Cookie, TwoFactorRemember));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, options => Flags(options.Cookie, External));
        services.AddAntiforgery(options => Flags(options.Cookie, Antiforgery));
        services.Configure<CookieTempDataProviderOptions>(options => Flags(options.Cookie, TempData));
        return services;
    }
}
