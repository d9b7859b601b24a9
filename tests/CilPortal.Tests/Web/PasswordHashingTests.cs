using System.Net;
using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Access;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Identity;
using CilPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
}
