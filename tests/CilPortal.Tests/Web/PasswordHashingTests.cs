using System.Net;
using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Access;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Identity;
using CilPortal.Infrastructure.Time;
using CilPortal.Tests.Access;
using CilPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CilPortal.Tests.Web;

/// <summary>
/// PBKDF2 at 210,000 iterations for passwords; access codes keyed with HMAC-SHA256 (<see cref="AccessCodeHasher"/>);
/// older hashes upgraded when next used.
/// </summary>
public class PasswordHashingTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    [Fact]
    public async Task Passwords_use_210000_iterations_and_access_codes_the_keyed_hash()
    {
        _ = factory.Server;
        using var scope = factory.Services.CreateScope();
        var passwords = scope.ServiceProvider.GetRequiredService<IPasswordHasher<ApplicationUser>>();
        var codes = scope.ServiceProvider.GetRequiredService<IPasswordHasher<Demand>>();

        Assert.Equal(PasswordPolicy.HashIterations, Pbkdf2Hashes.IterationCount(passwords.HashPassword(new ApplicationUser(), "cheval agrafe batterie correcte")));
        Assert.StartsWith(AccessCodeHasher.Prefix, codes.HashPassword(new Demand(), "ABCDEFGH23"), StringComparison.Ordinal);
        Assert.True(PasswordPolicy.HashIterations >= 210_000);

        // The demo applicant's access code was hashed at start-up with the key, like the decoy of unknown numbers.
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var demandId = (await db.Users.SingleAsync(u => u.Email == CilPortal.Infrastructure.Seeding.DemoAccounts.Applicant)).LinkedDemandId;
        var hash = await db.Demands.Where(d => d.Id == demandId).Select(d => d.AccessCodeHash).SingleAsync();
        Assert.StartsWith(AccessCodeHasher.Prefix, hash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_hashed_with_the_old_iteration_count_is_upgraded_at_the_next_sign_in()
    {
        const string email = "ancien-hachage@exemple.fr";
        const string password = "cheval agrafe batterie correcte";
        string oldHash;
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Compte ancien" };
            Assert.True((await users.CreateAsync(user)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Tenant);
            oldHash = new PasswordHasher<ApplicationUser>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 })).HashPassword(user, password);
            user.PasswordHash = oldHash;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }

        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var signedIn = await client.SignInAsync(email, password);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var after = factory.Services.CreateScope();
        var stored = await after.ServiceProvider.GetRequiredService<CilPortalDbContext>().Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync();
        Assert.Equal(100_000, Pbkdf2Hashes.IterationCount(oldHash));
        Assert.NotEqual(oldHash, stored);
        Assert.Equal(PasswordPolicy.HashIterations, Pbkdf2Hashes.IterationCount(stored));

        // And the same password still works.
        var again = await factory.CreateClient(new() { AllowAutoRedirect = false }).SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task An_access_code_hashed_with_pbkdf2_before_the_key_still_works_and_is_keyed_at_a_successful_lookup()
    {
        _ = factory.Server;
        string nur;
        const string code = "ABCD-EFGH-23";
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            var demand = await db.Demands.Where(d => d.AccessCodeHash == null && d.Status == DemandStatus.Active).OrderBy(d => d.Id).FirstAsync();
            demand.AccessCodeHash = new PasswordHasher<Demand>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }))
                .HashPassword(demand, AccessCode.Normalise(code));
            await db.SaveChangesAsync();
            nur = demand.Nur;
        }

        using (var scope = factory.Services.CreateScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<DemandAccessService>().VerifyAsync(nur, code, null);
            Assert.Equal(AccessOutcome.Granted, result.Outcome);
        }

        using var after = factory.Services.CreateScope();
        var stored = await after.ServiceProvider.GetRequiredService<CilPortalDbContext>().Demands.Where(d => d.Nur == nur).Select(d => d.AccessCodeHash).SingleAsync();
        Assert.StartsWith(AccessCodeHasher.Prefix, stored, StringComparison.Ordinal);

        // The same code opens the demand again, now checked with the key.
        using var again = factory.Services.CreateScope();
        Assert.Equal(AccessOutcome.Granted, (await again.ServiceProvider.GetRequiredService<DemandAccessService>().VerifyAsync(nur, code, null)).Outcome);
    }

    [Fact]
    public async Task While_pbkdf2_codes_remain_every_lookup_costs_their_slow_check_and_none_after_their_last_day()
    {
        _ = factory.Server;
        const string code = "ABCD-EFGH-23";
        var pbkdf2 = new CountingPbkdf2();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var demand = await db.Demands.Where(d => d.AccessCodeHash == null && d.Status == DemandStatus.Active).OrderByDescending(d => d.Id).FirstAsync();
        var lookups = 0;
        DemandAccessService Service(DateOnly? pbkdf2CodesValidUntil) => new(
            db,
            new AccessCodeHasher(new AccessCodeHashSettings(new AccessCodeKey(CilPortalWebFactory.AccessCodeKey), [], pbkdf2CodesValidUntil), pbkdf2, new ParisClock(TimeProvider.System)),
            new MemoryCache(new MemoryCacheOptions()),
            TimeProvider.System,
            NullLogger<DemandAccessService>.Instance);
        async Task<AccessOutcome> LookUpAsync(DemandAccessService service, string nur)
        {
            // A different number each time for the unknown one: five failures on one number would lock it.
            lookups++;
            return (await service.VerifyAsync(nur, code, null)).Outcome;
        }

        async Task HashWithPbkdf2Async()
        {
            await db.Demands.Where(d => d.Id == demand.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.AccessCodeHash, pbkdf2.HashPassword(demand, AccessCode.Normalise(code))));
        }

        try
        {
            await HashWithPbkdf2Async();
            var noEnd = Service(null);

            // An unknown number costs the slow check of the old codes, as much as the number whose code is one of them.
            Assert.Equal(AccessOutcome.Refused, await LookUpAsync(noEnd, "9990101999999Z9991"));
            Assert.Equal(1, pbkdf2.Verifications);
            Assert.Equal(AccessOutcome.Granted, await LookUpAsync(noEnd, demand.Nur));
            Assert.Equal(2, pbkdf2.Verifications);

            // That code is keyed now; none remains: an unknown number costs a keyed check only.
            Assert.StartsWith(AccessCodeHasher.Prefix, await db.Demands.Where(d => d.Id == demand.Id).Select(d => d.AccessCodeHash).SingleAsync(), StringComparison.Ordinal);
            Assert.Equal(AccessOutcome.Refused, await LookUpAsync(Service(null), "9990101999999Z9992"));
            Assert.Equal(2, pbkdf2.Verifications);

            // After the last day of the old codes: refused, and nothing slow for anyone.
            await HashWithPbkdf2Async();
            var ended = Service(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2));
            Assert.Equal(AccessOutcome.Refused, await LookUpAsync(ended, demand.Nur));
            Assert.Equal(AccessOutcome.Refused, await LookUpAsync(ended, "9990101999999Z9993"));
            Assert.Equal(2, pbkdf2.Verifications);
            Assert.Equal(5, lookups);
        }
        finally
        {
            await db.Demands.Where(d => d.Id == demand.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.AccessCodeHash, (string?)null));
        }
    }
}
