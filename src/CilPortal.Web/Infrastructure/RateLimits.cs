using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CilPortal.Web.Infrastructure;

/// <summary>
/// Rate limits (section <c>RateLimits</c>), with ASP.NET Core's middleware per address (policies below, on the pages'
/// posts only: reading a form is free) and, inside the pages, per account (<see cref="AccountRateLimits"/>). Over a
/// limit the answer is 429 with a <c>Retry-After</c> header and the French page that says when to try again.
/// </summary>
public static class RateLimits
{
    /// <summary>Anonymous forms that check secrets or create things: the demand lookup, registration, password link, appointments.</summary>
    public const string PublicForm = "public-form";

    /// <summary>Sign-in: password, code and re-authentication steps, per address.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Signed-in posts that send e-mail or check codes (attaching a demand, contact details), per account.</summary>
    public const string AccountForm = "account-form";

    /// <summary>Where the 429 answer keeps the delay for the French page (<c>HttpContext.Items</c>).</summary>
    public const string RetryAfterItem = "cilportal:retry-after";

    public static IServiceCollection AddCilPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var publicForms = configuration.GetValue("RateLimits:PublicFormPostsPerIpPer10Minutes", 10);
        var signIns = configuration.GetValue("RateLimits:SignInPostsPerIpPer10Minutes", 30);
        var accountForms = configuration.GetValue("RateLimits:AccountFormPostsPerAccountPer10Minutes", 20);
        services.AddSingleton(new AccountRateLimits(
            configuration.GetValue("RateLimits:SignInPostsPerAccountPer10Minutes", 10),
            configuration.GetValue("RateLimits:RegistrationsPerAddressPerHour", 3)));
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    SetRetryAfter(context.HttpContext, retryAfter);
                }

                return ValueTask.CompletedTask;
            };

            options.AddPolicy(PublicForm, context => PostsPer(context, "ip:" + Address(context), publicForms));
            options.AddPolicy(SignIn, context => PostsPer(context, "ip:" + Address(context), signIns));
            options.AddPolicy(AccountForm, context => PostsPer(
                context,
                context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId ? "compte:" + userId : "ip:" + Address(context),
                accountForms));
        });
    }

    /// <summary>Marks a 429 answer with the delay before trying again, for the client (<c>Retry-After</c>, seconds) and the French page.</summary>
    public static void SetRetryAfter(HttpContext context, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Items[RetryAfterItem] = TimeSpan.FromSeconds(seconds);
    }

    /// <summary>The delay a 429 answer announced, if any.</summary>
    public static TimeSpan? RetryAfter(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(RetryAfterItem, out var item) && item is TimeSpan delay)
        {
            return delay;
        }

        return int.TryParse(context.Response.Headers.RetryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : null;
    }

    /// <summary>The 429 answer of a page over a per-account limit (the French page follows).</summary>
    public static IActionResult TooManyRequests(HttpContext context, TimeSpan retryAfter)
    {
        SetRetryAfter(context, retryAfter);
        return new StatusCodeResult(StatusCodes.Status429TooManyRequests);
    }

    private static RateLimitPartition<string> PostsPer(HttpContext context, string key, int permits) =>
        HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(10),
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter("lecture");

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "inconnue";
}

/// <summary>
/// Limits per account, checked by the pages once they know the account: sign-in attempts per address typed (on top of
/// the lockout after 5 failures, and counting successes and unknown addresses too), registrations per address (each
/// sends an e-mail to it).
/// </summary>
public sealed class AccountRateLimits(int signInsPer10Minutes, int registrationsPerHour) : IDisposable
{
    private readonly PartitionedRateLimiter<string> signIns = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = signInsPer10Minutes, Window = TimeSpan.FromMinutes(10), QueueLimit = 0 }));

    private readonly PartitionedRateLimiter<string> registrations = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = registrationsPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 }));

    /// <summary>Null when the account may try to sign in now; otherwise how long to wait.</summary>
    public TimeSpan? SignIn(string account) => Acquire(signIns, account);

    /// <summary>Null when a registration may be made with this address now; otherwise how long to wait.</summary>
    public TimeSpan? Registration(string email) => Acquire(registrations, email);

    public void Dispose()
    {
        signIns.Dispose();
        registrations.Dispose();
    }

    private static TimeSpan? Acquire(PartitionedRateLimiter<string> limiter, string account)
    {
        using var lease = limiter.AttemptAcquire(account.Trim().ToUpperInvariant());
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(10);
    }
}
