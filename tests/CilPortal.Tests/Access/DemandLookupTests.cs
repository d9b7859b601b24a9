using System.Net;
using System.Text.RegularExpressions;
using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Access;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CilPortal.Tests.Access;

public partial class DemandLookupTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    [Fact]
    public async Task The_nur_and_the_access_code_of_the_information_sheet_open_the_status_page()
    {
        var nur = await DemoApplicantNurAsync(factory);

        var html = await LookupAsync(factory.CreateClient(), nur, "dema nde2 26");

        Assert.Contains($"class=\"nur\">{nur}<", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"demand-summary\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_nur_and_a_wrong_code_get_exactly_the_same_answer()
    {
        var nur = await DemoApplicantNurAsync(factory);

        var wrongCode = await LookupAsync(factory.CreateClient(), nur, "ABCD-EFGH-23");
        var unknownNur = await LookupAsync(factory.CreateClient(), "9990101999999Z9999", "ABCD-EFGH-23");

        Assert.Equal(ErrorBlock(wrongCode), ErrorBlock(unknownNur));
        Assert.Contains("Numéro unique ou code d'accès incorrect.", WebUtility.HtmlDecode(ErrorBlock(wrongCode)), StringComparison.Ordinal);
        Assert.DoesNotContain("demand-summary", wrongCode, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_five_failures_a_nur_is_locked_for_a_while_even_with_the_right_code()
    {
        const string nur = "1110318016982G7777";
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            var demand = new Demand { Nur = nur, FiledOn = new DateOnly(2026, 1, 5), ExpiresOn = new DateOnly(2027, 1, 5) };
            demand.Members.Add(new HouseholdMember { Role = HouseholdRole.Applicant, FirstName = "Alix", LastName = "Test", BirthDate = new DateOnly(1990, 1, 1) });
            db.Demands.Add(demand);
            await db.SaveChangesAsync();
        }

        string code;
        using (var scope = factory.Services.CreateScope())
        {
            var demandId = await scope.ServiceProvider.GetRequiredService<CilPortalDbContext>().Demands.Where(d => d.Nur == nur).Select(d => d.Id).SingleAsync();
            code = await scope.ServiceProvider.GetRequiredService<DemandAccessService>().IssueAsync(demandId);
        }

        for (var i = 0; i < DemandAccessService.MaxFailuresPerNur; i++)
        {
            await LookupAsync(factory.CreateClient(), nur, "ABCD-EFGH-23");
        }

        var html = WebUtility.HtmlDecode(await LookupAsync(factory.CreateClient(), nur, code));

        Assert.Contains("Trop d'essais pour ce numéro.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("demand-summary", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_code_replaces_the_old_one()
    {
        var nur = await DemoApplicantNurAsync(factory);
        string first, second;
        using (var scope = factory.Services.CreateScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<DemandAccessService>();
            var id = await scope.ServiceProvider.GetRequiredService<CilPortalDbContext>().Demands.Where(d => d.Nur == nur).Select(d => d.Id).SingleAsync();
            first = await service.IssueAsync(id);
            second = await service.IssueAsync(id);
        }

        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}$", second);
        Assert.DoesNotContain("demand-summary", await LookupAsync(factory.CreateClient(), nur, first), StringComparison.Ordinal);
        Assert.Contains("demand-summary", await LookupAsync(factory.CreateClient(), nur, second), StringComparison.Ordinal);
        using var reset = factory.Services.CreateScope();
        var demand = await reset.ServiceProvider.GetRequiredService<CilPortalDbContext>().Demands.SingleAsync(d => d.Nur == nur);
        demand.AccessCodeHash = reset.ServiceProvider.GetRequiredService<IPasswordHasher<Demand>>().HashPassword(demand, AccessCode.Normalise(DemoAccounts.ApplicantAccessCode));
        await reset.ServiceProvider.GetRequiredService<CilPortalDbContext>().SaveChangesAsync();
    }

    [Fact]
    public async Task An_unknown_nur_costs_the_same_hash_check_as_a_wrong_code()
    {
        _ = factory.Server;
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var hasher = new CountingHasher();
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var service = new DemandAccessService(db, hasher, cache, TimeProvider.System, NullLogger<DemandAccessService>.Instance);

        var result = await service.VerifyAsync("9990101999999Z9999", "ABCD-EFGH-23", null);

        Assert.Equal(AccessOutcome.Refused, result.Outcome);
        Assert.Equal(1, hasher.Verifications);
    }

    /// <summary>The NUR of the demo applicant's demand.</summary>
    internal static async Task<string> DemoApplicantNurAsync(CilPortalWebFactory factory)
    {
        _ = factory.Server;
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var id = (await db.Users.SingleAsync(u => u.Email == DemoAccounts.Applicant)).LinkedDemandId;
        return await db.Demands.Where(d => d.Id == id).Select(d => d.Nur).SingleAsync();
    }

    internal static async Task<string> LookupAsync(HttpClient client, string nur, string code)
    {
        var response = await client.PostFormAsync("/ma-demande/suivi", new Dictionary<string, string> { ["Input.Nur"] = nur, ["Input.Code"] = code });
        return await response.Content.ReadAsStringAsync();
    }

    private static string ErrorBlock(string html) => ErrorPattern().Match(html).Value;

    [GeneratedRegex("<div class=\"alert alert--error\".*?</div>", RegexOptions.Singleline)]
    private static partial Regex ErrorPattern();

    private sealed class CountingHasher : IPasswordHasher<Demand>
    {
        private readonly PasswordHasher<Demand> inner = new();

        public int Verifications { get; private set; }

        public string HashPassword(Demand user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(Demand user, string hashedPassword, string providedPassword)
        {
            Verifications++;
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

/// <summary>A portal where three lookups per address and per 10 minutes is the limit.</summary>
public sealed class StrictLookupPortal : CilPortalWebFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["RateLimits:PublicFormPostsPerIpPer10Minutes"] = "3" };
}

public class DemandLookupRateLimitTests(StrictLookupPortal factory) : IClassFixture<StrictLookupPortal>
{
    [Fact]
    public async Task Too_many_lookups_from_one_address_get_the_french_429_page()
    {
        var client = factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            await DemandLookupTests.LookupAsync(client, $"11103180169820{i:D4}", "ABCD-EFGH-23");
        }

        var response = await client.PostFormAsync("/ma-demande/suivi", new Dictionary<string, string> { ["Input.Nur"] = "1110318016982G0009", ["Input.Code"] = "ABCD-EFGH-23" });

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("Trop de demandes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
