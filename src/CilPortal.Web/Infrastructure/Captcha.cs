using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CilPortal.Infrastructure.Captcha;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Caching.Memory;

namespace CilPortal.Web.Infrastructure;

/// <summary>
/// Puts an anti-robot check on the posts of a page: the page model carries <c>[Captcha]</c> and its form holds
/// <c>&lt;partial name="_Captcha" /&gt;</c>. A post without a valid check gets the French error of the
/// <see cref="CaptchaAttribute.ErrorKey"/> field and the handler must write nothing (it checks <c>ModelState.IsValid</c>
/// before writing, as every form here does).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CaptchaAttribute : Attribute
{
    /// <summary>The key of the model error, and the id of the partial's block the error summary links to.</summary>
    public const string ErrorKey = "Captcha";

    /// <summary>0: every post is checked. N: only once the page has recorded N failures from the visitor's address (see <see cref="CaptchaGate.RecordFailure"/>).</summary>
    public int AfterFailures { get; init; }
}

/// <summary>French messages of the check.</summary>
public static class CaptchaMessages
{
    public const string Missing = "Cochez la case « Je ne suis pas un robot » et attendez « Vérifié » avant d'envoyer le formulaire.";

    public const string Refused = "La vérification anti-robot a échoué ou a expiré. Cochez de nouveau la case « Je ne suis pas un robot », puis envoyez le formulaire.";
}

/// <summary>Whether the current page asks for the check, and the failures that turn it on for pages that wait for them.</summary>
public sealed partial class CaptchaGate(IMemoryCache cache, CaptchaOptions options)
{
    /// <summary>How long failures from an address are remembered.</summary>
    public static readonly TimeSpan FailureWindow = TimeSpan.FromHours(1);

    public CaptchaOptions Options => options;

    public static CaptchaAttribute? AttributeOf(HttpContext context) =>
        context?.GetEndpoint()?.Metadata.GetMetadata<CaptchaAttribute>();

    public bool IsRequired(HttpContext context) =>
        AttributeOf(context) is { } attribute && (attribute.AfterFailures <= 0 || Failures(context) >= attribute.AfterFailures);

    /// <summary>Counts a failed attempt (a wrong code…) of the visitor on the current page.</summary>
    public void RecordFailure(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = Key(context);
        cache.Set(key, Failures(context) + 1, FailureWindow);
    }

    public int Failures(HttpContext context) => cache.TryGetValue(Key(context), out int count) ? count : 0;

    /// <summary>The reCAPTCHA action of a page: its path, in the characters Google accepts (<c>/MaDemande/Suivi</c> → <c>MaDemande_Suivi</c>).</summary>
    public static string ActionOf(HttpContext context)
    {
        var name = context?.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>()?.ViewEnginePath ?? "formulaire";
        return NotActionCharacters().Replace(name.Trim('/'), "_");
    }

    private static (string, string, string) Key(HttpContext context) =>
        ("captcha-failures", context.GetEndpoint()?.DisplayName ?? context.Request.Path.Value ?? "", context.Connection.RemoteIpAddress?.ToString() ?? "inconnue");

    [GeneratedRegex("[^A-Za-z0-9_]")]
    private static partial Regex NotActionCharacters();
}

/// <summary>Runs the check before the handler of a post on a page that carries <see cref="CaptchaAttribute"/>.</summary>
public sealed class CaptchaPageFilter(CaptchaGate gate, ICaptchaVerifier verifier) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && gate.IsRequired(http))
        {
            var response = http.Request.HasFormContentType ? http.Request.Form[verifier.FieldName].ToString() : null;
            var submission = new CaptchaSubmission(response, CaptchaGate.ActionOf(http), http.Request.Host.Host, http.Connection.RemoteIpAddress?.ToString());
            if (!await verifier.VerifyAsync(submission, http.RequestAborted))
            {
                context.ModelState.AddModelError(CaptchaAttribute.ErrorKey, string.IsNullOrEmpty(response) ? CaptchaMessages.Missing : CaptchaMessages.Refused);
            }
        }

        await next();
    }
}

public static class CaptchaSetup
{
    /// <summary>The address the ALTCHA widget fetches its challenges from.</summary>
    public const string ChallengePath = "/captcha/challenge";

    /// <summary>
    /// Registers the check chosen by <c>Captcha:Provider</c>. The ALTCHA key must be configured (32 characters at least),
    /// except in Development where a random one is made up at each start.
    /// </summary>
    public static CaptchaOptions AddCilPortalCaptcha(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var options = configuration.GetSection(CaptchaOptions.Section).Get<CaptchaOptions>() ?? new CaptchaOptions();
        services.AddSingleton(options);
        services.AddSingleton<CaptchaGate>();
        services.AddScoped<CaptchaReplayStore>();
        if (options.Provider == CaptchaProvider.Recaptcha)
        {
            if (string.IsNullOrWhiteSpace(options.Recaptcha.SiteKey) || string.IsNullOrWhiteSpace(options.Recaptcha.SecretKey))
            {
                throw new InvalidOperationException("Captcha:Provider vaut Recaptcha : renseignez Captcha:Recaptcha:SiteKey et Captcha:Recaptcha:SecretKey.");
            }

            services.AddHttpClient(RecaptchaVerifier.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(Math.Max(1, options.Recaptcha.TimeoutSeconds)));
            services.AddScoped<ICaptchaVerifier, RecaptchaVerifier>();
            return options;
        }

        if (string.IsNullOrWhiteSpace(options.HmacKey) && environment.IsDevelopment())
        {
            // A key of this run only: challenges fetched before a restart are refused after it.
            options.HmacKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        }

        if (options.HmacKey.Length < CaptchaOptions.MinimumKeyLength)
        {
            throw new InvalidOperationException(
                $"Captcha:HmacKey est absente ou trop courte ({CaptchaOptions.MinimumKeyLength} caractères au moins) : elle signe les vérifications anti-robot. " +
                "Donnez-la par l'environnement (Captcha__HmacKey) ou un coffre de secrets, jamais dans le dépôt.");
        }

        services.AddSingleton(sp => new Altcha(options.HmacKey, options.MaxNumber, TimeSpan.FromMinutes(Math.Max(1, options.ExpiresMinutes)), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<ICaptchaVerifier, AltchaVerifier>();
        return options;
    }

    /// <summary>
    /// The content policy for the chosen check. ALTCHA needs nothing more than <c>'self'</c> (its script, styles and
    /// worker are files of the site). reCAPTCHA, once the visitor agrees, loads Google's script (www.google.com, which
    /// loads the rest from www.gstatic.com), its frame and its calls to www.google.com.
    /// </summary>
    public static string ContentSecurityPolicy(CaptchaOptions options, string policy)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(policy);
        if (options.Provider != CaptchaProvider.Recaptcha)
        {
            return policy;
        }

        return policy
            .Replace("script-src 'self'", "script-src 'self' https://www.google.com https://www.gstatic.com", StringComparison.Ordinal)
            .Replace("connect-src 'self'", "connect-src 'self' https://www.google.com", StringComparison.Ordinal)
            + "; frame-src https://www.google.com https://recaptcha.google.com";
    }

    /// <summary>GET /captcha/challenge: a new ALTCHA challenge as JSON, never cached; 404 when another provider is chosen.</summary>
    public static IEndpointRouteBuilder MapCaptcha(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ChallengePath, (HttpContext context, CaptchaOptions options) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return options.Provider == CaptchaProvider.Altcha
                ? Results.Json(context.RequestServices.GetRequiredService<Altcha>().Create())
                : Results.NotFound();
        }).AllowAnonymous();
        return endpoints;
    }
}
