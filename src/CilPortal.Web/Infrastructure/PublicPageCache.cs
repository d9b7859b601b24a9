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
