using System.Net;
using System.Text.RegularExpressions;
using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Data;
using CilPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Access;

public partial class AccountLinkingTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    private const string Password = "une phrase assez longue";

    [Fact]
    public async Task An_applicant_registers_confirms_the_address_and_attaches_the_demand_with_the_code_sent_to_it()
    {
        var email = $"nouveau-{Guid.NewGuid():N}@exemple.fr";
        var client = factory.CreateClient();

        var registered = await client.PostFormAsync("/compte/inscription", Registration(email));
        Assert.Contains("Vérifiez votre messagerie", await registered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var confirmationLink = LinkPattern().Match(await MailTextAsync(email, "confirmation")).Value;
        var path = new Uri(confirmationLink).PathAndQuery;
        Assert.Contains("Confirmer mon adresse", await client.GetStringAsync(new Uri(path, UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains("Adresse confirmée", await (await client.PostFormAsync(path, new Dictionary<string, string>())).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await client.SignInAsync(email, Password);

        var (nur, birth, demandEmail) = await SomeDemandAsync();
        var started = await client.PostFormAsync("/ma-demande/rattacher", new Dictionary<string, string> { ["Start.Nur"] = nur, ["Start.BirthDate"] = birth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, action: "/ma-demande/rattacher?handler=Start");
        var codePage = started.RequestMessage!.RequestUri!.PathAndQuery;
        var code = CodePattern().Match(await MailTextAsync(demandEmail, "code-rattachement")).Groups[1].Value;
        var linked = await client.PostFormAsync(codePage, new Dictionary<string, string> { ["Code.Value"] = code }, action: codePage.Replace("?", "?handler=Code&", StringComparison.Ordinal));
        var html = await linked.Content.ReadAsStringAsync();

        Assert.Contains("Votre demande est rattachée à votre compte.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains($"class=\"nur\">{nur}<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_birth_date_gets_the_same_answer_and_no_code_ever_works()
    {
        var client = await ConfirmedApplicantAsync();
        var (nur, birth, demandEmail) = await SomeDemandAsync(skip: 5);
        var before = await MailCountAsync(demandEmail);

        var started = await client.PostFormAsync("/ma-demande/rattacher", new Dictionary<string, string> { ["Start.Nur"] = nur, ["Start.BirthDate"] = birth.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, action: "/ma-demande/rattacher?handler=Start");
        var html = WebUtility.HtmlDecode(await started.Content.ReadAsStringAsync());
        var codePage = started.RequestMessage!.RequestUri!.PathAndQuery;
        var attempt = WebUtility.HtmlDecode(await (await client.PostFormAsync(codePage, new Dictionary<string, string> { ["Code.Value"] = "123456" }, action: codePage.Replace("?", "?handler=Code&", StringComparison.Ordinal))).Content.ReadAsStringAsync());

        Assert.True(html.Contains("Si ces informations correspondent à une demande en cours", StringComparison.Ordinal), System.Text.RegularExpressions.Regex.Match(html, "<main.*?</main>", System.Text.RegularExpressions.RegexOptions.Singleline).Value);
        Assert.Equal(before, await MailCountAsync(demandEmail));
        Assert.Contains("Ce code n'est pas le bon.", attempt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_an_address_that_has_an_account_answers_the_same_and_tells_its_owner()
    {
        var email = $"deja-{Guid.NewGuid():N}@exemple.fr";
        await factory.CreateClient().PostFormAsync("/compte/inscription", Registration(email));

        var again = await factory.CreateClient().PostFormAsync("/compte/inscription", Registration(email));

        Assert.Contains("Vérifiez votre messagerie", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEmpty(await MailTextAsync(email, "compte-existant"));
    }

    [Fact]
    public async Task A_short_password_or_a_forged_link_is_refused_in_french()
    {
        var form = Registration($"court-{Guid.NewGuid():N}@exemple.fr");
        form["Input.Password"] = form["Input.ConfirmPassword"] = "court";

        var html = WebUtility.HtmlDecode(await (await factory.CreateClient().PostFormAsync("/compte/inscription", form)).Content.ReadAsStringAsync());
        var forged = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync(new Uri("/compte/confirmation?utilisateur=x&code=%%%", UriKind.Relative)));

        Assert.Contains("Le mot de passe compte entre 12 et 128 caractères.", html, StringComparison.Ordinal);
        Assert.Contains("Ce lien n'est plus valable", forged, StringComparison.Ordinal);
    }

    private async Task<HttpClient> ConfirmedApplicantAsync()
    {
        var email = $"confirme-{Guid.NewGuid():N}@exemple.fr";
        var client = factory.CreateClient();
        await client.PostFormAsync("/compte/inscription", Registration(email));
        var link = LinkPattern().Match(await MailTextAsync(email, "confirmation")).Value;
        // Opening the link shows a button; the button confirms.
        await client.PostFormAsync(new Uri(link).PathAndQuery, new Dictionary<string, string>());
        await client.SignInAsync(email, Password);
        return client;
    }

    private static Dictionary<string, string> Registration(string email) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = Password,
        ["Input.ConfirmPassword"] = Password,
    };

    private async Task<(string Nur, DateOnly Birth, string Email)> SomeDemandAsync(int skip = 0)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var demand = await db.Demands.Include(d => d.Members)
            .Where(d => d.Status == DemandStatus.Active && d.ContactEmail != null)
            .OrderByDescending(d => d.Id).Skip(skip + 10).FirstAsync();
        return (demand.Nur, demand.Members.Single(m => m.Role == HouseholdRole.Applicant).BirthDate, demand.ContactEmail!);
    }

    private async Task<string> MailTextAsync(string to, string kind)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        return (await db.OutboxMessages.Where(m => m.To == to && m.Kind == kind).OrderByDescending(m => m.Id).FirstAsync()).TextBody;
    }

    private async Task<int> MailCountAsync(string to)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CilPortalDbContext>().OutboxMessages.CountAsync(m => m.To == to);
    }

    [GeneratedRegex(@"http\S+/compte/confirmation\S+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"\(valable 15 minutes\) : ([0-9]{6})")]
    private static partial Regex CodePattern();
}
