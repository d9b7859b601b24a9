using System.Net;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Infrastructure.Data;
using CilPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Web;

public class SignInTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    [Fact]
    public async Task An_applicant_signs_in_and_sees_their_own_demand()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.SignInAsync(DemoAccounts.Applicant);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/ma-demande", response.Headers.Location?.OriginalString);
        string ownNur;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
            var demandId = (await db.Users.SingleAsync(u => u.Email == DemoAccounts.Applicant)).LinkedDemandId;
            ownNur = await db.Demands.Where(d => d.Id == demandId).Select(d => d.Nur).SingleAsync();
        }

        var html = await client.GetStringAsync(new Uri("/ma-demande", UriKind.Relative));
        Assert.Contains("data-testid=\"demand-summary\"", html, StringComparison.Ordinal);
        Assert.Contains($"class=\"nur\">{ownNur}<", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "[0-9]{7}[0-9]{6}D1199"));
        Assert.Contains("data-testid=\"score-total\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_gets_a_french_message_that_does_not_say_which_field_is_wrong()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var wrongPassword = await client.SignInAsync(DemoAccounts.Tenant, "pas-le-bon-mot-de-passe");
        var unknownUser = await client.SignInAsync("personne@demo.cilportal.test", "pas-le-bon-mot-de-passe");

        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Contains("Adresse électronique ou mot de passe incorrect.", await wrongPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Adresse électronique ou mot de passe incorrect.", await unknownUser.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_fields_get_french_validation_messages()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.SignInAsync("", "");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Saisissez votre adresse électronique.", html, StringComparison.Ordinal);
        Assert.Contains("Saisissez votre mot de passe.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = DemoAccounts.Applicant,
            ["Input.Password"] = CilPortalWebFactory.DemoPassword,
        });

        var response = await client.PostAsync(new Uri("/compte/connexion", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Demande incorrecte", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_address_outside_the_portal_is_ignored()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.PostFormAsync("/compte/connexion?ReturnUrl=https%3A%2F%2Fevil.example%2F", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoAccounts.Applicant,
            ["Input.Password"] = CilPortalWebFactory.DemoPassword,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/ma-demande", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_sign_out_button_of_the_header_works_on_any_page()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(DemoAccounts.Tenant);

        // The first form of the home page is the header's sign-out form, with its own antiforgery token.
        var signOut = await client.PostFormAsync("/", new Dictionary<string, string>(), action: "/compte/deconnexion");
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Contains("data-testid=\"login-link\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignInAsync(DemoAccounts.ReceptionAgent);

        var signOut = await client.PostFormAsync("/compte/deconnexion", new Dictionary<string, string>());
        var after = await client.GetAsync(new Uri("/gestion", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/compte/connexion", after.Headers.Location?.PathAndQuery ?? after.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
