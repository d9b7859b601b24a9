using Microsoft.AspNetCore.OutputCaching;

namespace CilPortal.Web.Infrastructure;

/// <summary>
/// The anonymous information pages (home, information, reception points, key figures, the exchange presentation, the
/// site map) are kept in the server's output cache for <c>OutputCache:PublicPageSeconds</c> (60 by default; 0 turns it
/// off): the same page for everyone, served at the speed of a static file instead of being rendered again at every
/// request. ASP.NET Core's rules apply: only GET and HEAD answered 200, never for a signed-in person (their header
/// differs), never a response that sets a cookie; the query string is part of the key. A change (a reception point's
/// hours, new figures) shows within that delay. The cached page keeps its Content-Security-Policy nonce
/// (<see cref="SecurityHeaders"/>): these pages reflect no visitor input.
/// </summary>
public static class PublicPageCache
{
    public const string Policy = "public-page";

    /// <summary>The pages kept in the output cache: the same for every anonymous visitor, reflecting no visitor input.</summary>
    public static readonly IReadOnlyList<string> Pages =
    [
        "/Index", "/PlanDuSite", "/Informations/Index", "/Informations/Article", "/LieuxAccueil/Index", "/LieuxAccueil/Detail",
        "/ChiffresCles/Index", "/ChiffresCles/Commune", "/Echanges/Index",
    ];

    /// <summary>Puts <see cref="Policy"/> on each of <see cref="Pages"/>, as <c>[OutputCache]</c> on the page would.</summary>
    public static void Apply(Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        foreach (var page in Pages)
        {
            conventions.AddPageApplicationModelConvention(page, model => model.EndpointMetadata.Add(new OutputCacheAttribute { PolicyName = Policy }));
        }
    }

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services, IConfiguration configuration)
    {
        var seconds = configuration.GetValue("OutputCache:PublicPageSeconds", 60);
        return services.AddOutputCache(options => options.AddPolicy(Policy, policy =>
        {
            if (seconds <= 0)
            {
                policy.NoCache();
                return;
            }

            policy.Expire(TimeSpan.FromSeconds(seconds)).SetVaryByQuery("*");
        }));
    }
}
