using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CilPortal.Web.Infrastructure;

/// <summary>Rate limits of the public forms (section <c>RateLimits</c>); over the limit the visitor gets the French 429 page.</summary>
public static class RateLimits
{
    /// <summary>Anonymous forms that check secrets or create things: the demand lookup, registration.</summary>
    public const string PublicForm = "public-form";

    public static IServiceCollection AddCilPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perIp = configuration.GetValue("RateLimits:PublicFormPostsPerIpPer10Minutes", 10);
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;

            // Only the posts count: reading the form is free.
            options.AddPolicy(PublicForm, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "inconnue", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perIp,
                    Window = TimeSpan.FromMinutes(10),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("lecture"));
        });
    }
}
