using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Captcha;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Reception;
using CilPortal.Tests.Support;
using CilPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;

namespace CilPortal.Tests.Captcha;

/// <summary>The anti-robot check on the anonymous forms, solved for real as the widget does (small challenges in tests).</summary>
public class CaptchaPagesTests
{
    [Fact]
    public async Task The_challenge_endpoint_answers_anyone_with_a_fresh_signed_challenge_never_cached()
    {
        using var factory = new CilPortalWebFactory();
        var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/captcha/challenge", UriKind.Relative));
        var challenge = await response.Content.ReadFromJsonAsync<AltchaChallenge>();
        var again = await client.GetFromJsonAsync<AltchaChallenge>(new Uri("/captcha/challenge", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(("SHA-256", 2000), (challenge!.Algorithm, challenge.MaxNumber));
        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(CilPortalWebFactory.CaptchaKey), Encoding.UTF8.GetBytes(challenge.Challenge))), challenge.Signature);
        Assert.NotNull(AltchaSolver.SolveNumber(challenge.Salt, challenge.Challenge, challenge.MaxNumber));
        Assert.NotEqual(challenge.Salt, again!.Salt);
    }

    [Fact]
    public async Task A_booking_without_the_check_or_with_a_check_already_used_is_refused_in_french_and_books_nothing()
    {
        using var factory = new CilPortalWebFactory();
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var (place, slot) = await FreeSlotAsync(factory);
        var url = $"/rendez-vous?lieu={place}&motif=FirstInformation";
        Dictionary<string, string> Booking(string name, string? captcha) => new()
        {
            ["Input.Slot"] = slot.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Name"] = name,
            ["Input.Phone"] = "06 12 34 56 78",
            [AltchaSolver.Field] = captcha ?? "",
        };

        var page = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        var missing = WebUtility.HtmlDecode(await (await client.PostFormAsync(url, Booking("Sans Vérification", null))).Content.ReadAsStringAsync());
        var forged = WebUtility.HtmlDecode(await (await client.PostFormAsync(url, Booking("Faux Calcul", AltchaSolver.Payload((await client.GetFromJsonAsync<AltchaChallenge>(new Uri("/captcha/challenge", UriKind.Relative)))!, 2001)))).Content.ReadAsStringAsync());
        var payload = await AltchaSolver.SolveAsync(client);
        var booked = await client.PostFormAsync(url, Booking("Awa Diallo", payload));
        var replayed = WebUtility.HtmlDecode(await (await client.PostFormAsync(url, Booking("Deuxième Envoi", payload))).Content.ReadAsStringAsync());

        Assert.Contains("<altcha-widget challenge=\"/captcha/challenge\" name=\"altcha\"", page, StringComparison.Ordinal);
        Assert.Contains("/js/captcha.js", page, StringComparison.Ordinal);
        Assert.Contains(CaptchaMessages.Missing, missing, StringComparison.Ordinal);
        Assert.Contains("href=\"#Captcha\"", missing, StringComparison.Ordinal);
        Assert.Contains(CaptchaMessages.Refused, forged, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        Assert.Contains(CaptchaMessages.Refused, replayed, StringComparison.Ordinal);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        Assert.Equal(["Awa Diallo"], await db.Appointments.Select(a => a.Name).ToListAsync());
        Assert.Equal(1, await db.UsedCaptchaChallenges.CountAsync());
    }

    [Fact]
    public async Task A_registration_without_the_check_creates_no_account_and_sends_nothing()
    {
        using var factory = new CilPortalWebFactory();
        var client = factory.CreateClient();
        const string email = "sans-verification@exemple.fr";

        var answer = WebUtility.HtmlDecode(await (await client.PostFormAsync("/compte/inscription", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "une phrase assez longue",
            ["Input.ConfirmPassword"] = "une phrase assez longue",
            [AltchaSolver.Field] = "",
        })).Content.ReadAsStringAsync());

        Assert.Contains(CaptchaMessages.Missing, answer, StringComparison.Ordinal);
        Assert.DoesNotContain("registration-sent", answer, StringComparison.Ordinal);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.To == email));
    }

    [Fact]
    public async Task The_demand_lookup_asks_for_the_check_only_after_three_failures_from_the_same_address()
    {
        using var factory = new CilPortalWebFactory();
        var client = factory.CreateClient();
        var (nur, code) = await DemandWithCodeAsync(factory);
        Dictionary<string, string> Lookup(string lookedUp, string accessCode, string? captcha = null)
        {
            var fields = new Dictionary<string, string> { ["Input.Nur"] = lookedUp, ["Input.Code"] = accessCode };
            if (captcha is not null)
            {
                fields[AltchaSolver.Field] = captcha;
            }

            return fields;
        }

        var before = await client.GetStringAsync(new Uri("/ma-demande/suivi", UriKind.Relative));
        var answers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await (await client.PostFormAsync("/ma-demande/suivi", Lookup("9990101999999Z9999", "ABCD-EFGH-23"))).Content.ReadAsStringAsync());
        }

        var withoutCheck = WebUtility.HtmlDecode(await (await client.PostFormAsync("/ma-demande/suivi", Lookup(nur, code, captcha: ""))).Content.ReadAsStringAsync());
        var withCheck = await (await client.PostFormAsync("/ma-demande/suivi", Lookup(nur, code))).Content.ReadAsStringAsync();

        Assert.DoesNotContain("<altcha-widget", before, StringComparison.Ordinal);
        Assert.DoesNotContain("<altcha-widget", answers[1], StringComparison.Ordinal);
        Assert.Contains("<altcha-widget", answers[2], StringComparison.Ordinal);
        Assert.Contains(CaptchaMessages.Missing, withoutCheck, StringComparison.Ordinal);
        Assert.DoesNotContain("demand-summary", withoutCheck, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"demand-summary\"", withCheck, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Used_challenges_are_accepted_once_and_purged_once_expired()
    {
        using var factory = new CilPortalWebFactory();
        _ = factory.Server;
        using (var scope = factory.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<CaptchaReplayStore>();
            Assert.True(await store.TryConsumeAsync(new string('a', 64), DateTime.UtcNow.AddMinutes(-1)));
            Assert.True(await store.TryConsumeAsync(new string('b', 64), DateTime.UtcNow.AddMinutes(20)));
            Assert.False(await store.TryConsumeAsync(new string('b', 64), DateTime.UtcNow.AddMinutes(20)));
            Assert.True(await store.TryConsumeAsync(new string('c', 64), DateTime.UtcNow.AddMinutes(20)));
        }

        using (var scope = factory.Services.CreateScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<CaptchaReplayStore>().PurgeExpiredAsync());
            Assert.Equal([new string('b', 64), new string('c', 64)], await scope.ServiceProvider.GetRequiredService<CilPortalDbContext>().UsedCaptchaChallenges.OrderBy(c => c.Challenge).Select(c => c.Challenge).ToListAsync());
        }
    }

    [Theory]
    [InlineData("Production", "", false)]
    [InlineData("Production", "trop-courte", false)]
    [InlineData("Production", "une-cle-de-production-de-trente-deux-caracteres", true)]
    [InlineData("Development", "", true)]
    public void The_portal_refuses_to_start_without_a_real_key_except_in_development(string environment, string key, bool starts)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Captcha:HmacKey"] = key }).Build();
        var host = new HostingEnvironment { EnvironmentName = environment };

        var error = Record.Exception(() => new ServiceCollection().AddCilPortalCaptcha(configuration, host));

        Assert.Equal(starts, error is null);
        if (!starts)
        {
            Assert.Contains("Captcha:HmacKey", Assert.IsType<InvalidOperationException>(error).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Altcha_keeps_the_strict_content_policy_and_recaptcha_opens_it_to_google_only()
    {
        var recaptcha = new CaptchaOptions { Provider = CaptchaProvider.Recaptcha };

        var strict = SecurityHeaders.ContentSecurityPolicy("bm9uY2U");
        Assert.Equal(strict, CaptchaSetup.ContentSecurityPolicy(new CaptchaOptions(), strict));
        var policy = CaptchaSetup.ContentSecurityPolicy(recaptcha, strict);
        Assert.Contains("script-src 'self' https://www.google.com https://www.gstatic.com 'nonce-bm9uY2U';", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self' https://www.google.com;", policy, StringComparison.Ordinal);
        Assert.EndsWith("; frame-src https://www.google.com https://recaptcha.google.com", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self' 'nonce-bm9uY2U';", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_recaptcha_the_form_asks_for_consent_loads_nothing_from_google_and_refuses_a_post_without_a_token()
    {
        using var factory = new RecaptchaPortal();
        var client = factory.CreateClient();
        var (place, slot) = await FreeSlotAsync(factory);
        var url = $"/rendez-vous?lieu={place}&motif=FirstInformation";

        using var pageResponse = await client.GetAsync(new Uri(url, UriKind.Relative));
        var page = WebUtility.HtmlDecode(await pageResponse.Content.ReadAsStringAsync());
        var refused = WebUtility.HtmlDecode(await (await client.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Slot"] = slot.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Name"] = "Awa Diallo",
            ["Input.Phone"] = "06 12 34 56 78",
        })).Content.ReadAsStringAsync());
        using var challenge = await client.GetAsync(new Uri("/captcha/challenge", UriKind.Relative));

        Assert.Contains("J'accepte la vérification par Google", page, StringComparison.Ordinal);
        Assert.Contains("data-recaptcha-site-key=\"cle-du-site-de-test\"", page, StringComparison.Ordinal);
        Assert.Contains("data-recaptcha-action=\"RendezVous_Index\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src=\"https://www.google.com", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<altcha-widget", page, StringComparison.Ordinal);
        Assert.Contains("https://www.google.com", pageResponse.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains(CaptchaMessages.Missing, refused, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, challenge.StatusCode);
        using var scope = factory.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<CilPortalDbContext>().Appointments.CountAsync());
    }

    private static async Task<(int Place, DateTime Slot)> FreeSlotAsync(CilPortalWebFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var id = await db.ReceptionPoints.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        var slots = await scope.ServiceProvider.GetRequiredService<AppointmentBooking>().OfferAsync(id);
        return (id, slots.First(s => s.Remaining > 0).StartsAt);
    }

    private static async Task<(string Nur, string Code)> DemandWithCodeAsync(CilPortalWebFactory factory)
    {
        const string nur = "1110318016982G6666";
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var demand = new Demand { Nur = nur, FiledOn = new DateOnly(2026, 1, 5), ExpiresOn = new DateOnly(2027, 1, 5) };
        demand.Members.Add(new HouseholdMember { Role = HouseholdRole.Applicant, FirstName = "Alix", LastName = "Test", BirthDate = new DateOnly(1990, 1, 1) });
        db.Demands.Add(demand);
        await db.SaveChangesAsync();
        var code = await scope.ServiceProvider.GetRequiredService<CilPortal.Infrastructure.Access.DemandAccessService>().IssueAsync(demand.Id);
        return (nur, code);
    }

    private sealed class RecaptchaPortal : CilPortalWebFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Captcha:Provider"] = "Recaptcha",
            ["Captcha:Recaptcha:SiteKey"] = "cle-du-site-de-test",
            ["Captcha:Recaptcha:SecretKey"] = "cle-secrete-de-test",
        };
    }
}
