using System.Security.Cryptography;
using System.Text;
using CilPortal.Infrastructure.Seeding;
using Microsoft.AspNetCore.Identity;

namespace CilPortal.Infrastructure.Identity;

/// <summary>
/// Identity's authenticator-app check (RFC 6238, 30-second steps), with two differences: one step of clock drift either
/// way instead of two, and a code is accepted only for a step later than the last one accepted for the account
/// (<see cref="ApplicationUser.LastTotpTimeStep"/>), saved with the account's concurrency stamp so that two requests
/// racing with the same code cannot both pass. Demo accounts in demo mode, whose code the sign-in page shows, may
/// reuse a step. The clock is the portal's <see cref="TimeProvider"/>.
/// </summary>
public sealed class ReplayProtectedAuthenticatorTokenProvider(TimeProvider time, DemoOptions demo) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    public const string ProviderName = "CilPortalAuthenticator";

    /// <summary>Steps of clock drift accepted on each side of now.</summary>
    public const int AllowedDriftSteps = 1;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));
    }

    /// <summary>The app makes the codes; the portal never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var code = token?.Replace(" ", "", StringComparison.Ordinal).Trim();
        if (code is not { Length: 6 } || !code.All(char.IsAsciiDigit) || await manager.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key)
        {
            return false;
        }

        var now = AuthenticatorCodes.Step(time.GetUtcNow());
        for (var step = now - AllowedDriftSteps; step <= now + AllowedDriftSteps; step++)
        {
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(AuthenticatorCodes.AtStep(key, step)), Encoding.ASCII.GetBytes(code)))
            {
                continue;
            }

            var replayAllowed = user.IsDemoAccount && demo.Enabled;
            if (user.LastTotpTimeStep is { } last && step <= last && !replayAllowed)
            {
                return false;
            }

            user.LastTotpTimeStep = Math.Max(step, user.LastTotpTimeStep ?? step);
            return (await manager.UpdateAsync(user)).Succeeded;
        }

        return false;
    }
}
