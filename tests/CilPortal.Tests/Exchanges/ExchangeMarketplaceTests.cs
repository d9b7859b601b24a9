using System.Globalization;
using System.Net;
using CilPortal.Domain.Demands;
using CilPortal.Domain.Exchanges;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Exchanges;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Exchanges;

/// <summary>The 3-way chain of the demo tenants, from « compatibles » to the last CALEOL decision, across two bailleurs.</summary>
public class ExchangeChainWorkflowTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    [Fact]
    public async Task A_three_way_chain_across_two_bailleurs_goes_from_proposal_to_completion_and_contacts_stay_hidden_until_all_consent()
    {
        var ids = await ExchangeTestData.DemoListingsAsync(factory);
        var nurs = await ExchangeTestData.ActiveNursAsync(factory, 3);
        var first = await ExchangeTestData.ClientAsync(factory, DemoAccounts.Tenant);
        var second = await ExchangeTestData.ClientAsync(factory, DemoAccounts.Tenant2);
        var third = await ExchangeTestData.ClientAsync(factory, DemoAccounts.Tenant3);

        var compatible = WebUtility.HtmlDecode(await first.GetStringAsync(new Uri("/echanges/compatibles", UriKind.Relative)));
        var chain = $"/echanges/proposer?annonces={ids[0]},{ids[1]},{ids[2]}";
        Assert.Contains($"annonces={ids[0]},{ids[1]},{ids[2]}", compatible, StringComparison.Ordinal);
        Assert.Contains("Échange à trois", compatible, StringComparison.Ordinal);
        Assert.Contains("Échange à deux", compatible, StringComparison.Ordinal);

        // A wrong NUR is refused in French and nothing is created.
        var refused = WebUtility.HtmlDecode(await (await first.PostFormAsync(chain, new Dictionary<string, string> { ["Nur"] = "ABC" })).Content.ReadAsStringAsync());
        Assert.Contains("numéro unique de votre demande", refused, StringComparison.Ordinal);
        Assert.Equal(0, await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeProposals.CountAsync()));

        var sent = await first.PostFormAsync(chain, new Dictionary<string, string> { ["Nur"] = nurs[0], ["SharesContact"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var tracker = sent.Headers.Location!.OriginalString;
        var proposalId = int.Parse(tracker.Split('/')[^1], CultureInfo.InvariantCulture);

        // Before everyone consents: pseudonyms only, no name, phone or e-mail of the others.
        var members = await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeMembers.Where(m => m.UserId != null).Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.ContactName, m.ContactPhone, u.Email, m.Pseudonym }).ToListAsync());
        var firstMember = members.Single(m => m.Email == DemoAccounts.Tenant);
        var page = WebUtility.HtmlDecode(await second.GetStringAsync(new Uri(tracker, UriKind.Relative)));
        Assert.Contains(firstMember.Pseudonym, page, StringComparison.Ordinal);
        Assert.DoesNotContain(firstMember.ContactName, page, StringComparison.Ordinal);
        Assert.DoesNotContain(firstMember.ContactPhone!, page, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoAccounts.Tenant, page, StringComparison.Ordinal);
        foreach (var listingPage in new[] { "/echanges/annonces", $"/echanges/annonces/{ids[0]}", "/echanges/compatibles" })
        {
            var html = WebUtility.HtmlDecode(await third.GetStringAsync(new Uri(listingPage, UriKind.Relative)));
            Assert.DoesNotContain(firstMember.ContactName, html, StringComparison.Ordinal);
            Assert.DoesNotContain(DemoAccounts.Tenant, html, StringComparison.Ordinal);
        }

        // A message reaches the others by e-mail notice (without its text).
        Assert.Equal(HttpStatusCode.Redirect, (await second.PostFormAsync(tracker, new Dictionary<string, string> { ["Body"] = "Bonjour, quand pouvons-nous visiter ?" }, action: tracker + "/message")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await second.PostFormAsync(tracker, new Dictionary<string, string> { ["Nur"] = nurs[1], ["SharesContact"] = "true" }, action: tracker + "/accept")).StatusCode);
        Assert.Equal(ProposalStatus.AwaitingAnswers, await StatusAsync(proposalId));
        Assert.Equal(HttpStatusCode.Redirect, (await third.PostFormAsync(tracker, new Dictionary<string, string> { ["Nur"] = nurs[2] }, action: tracker + "/accept")).StatusCode);
        Assert.Equal(ProposalStatus.UnderReview, await StatusAsync(proposalId));
        Assert.DoesNotContain(firstMember.ContactPhone!, await second.GetStringAsync(new Uri(tracker, UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await third.PostFormAsync(tracker, new Dictionary<string, string> { ["SharesContact"] = "true" }, action: tracker + "/contact")).StatusCode);
        Assert.Contains(firstMember.ContactPhone!, WebUtility.HtmlDecode(await second.GetStringAsync(new Uri(tracker, UriKind.Relative))), StringComparison.Ordinal);

        // Each bailleur reviews the household entering its dwelling; the other bailleur cannot.
        var participants = await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeParticipants.Where(p => p.ProposalId == proposalId).OrderBy(p => p.Position).Select(p => new { p.Id, p.ReceivingBailleurId }).ToListAsync());
        var bailleur1 = await ExchangeTestData.WithDbAsync(factory, db => db.Users.Where(u => u.Email == DemoAccounts.BailleurAgent1).Select(u => u.BailleurId!.Value).SingleAsync());
        Assert.Equal(2, participants.Select(p => p.ReceivingBailleurId).Distinct().Count());
        var agents = new Dictionary<int, HttpClient>
        {
            [bailleur1] = await ExchangeTestData.ClientAsync(factory, DemoAccounts.BailleurAgent1),
            [participants.First(p => p.ReceivingBailleurId != bailleur1).ReceivingBailleurId] = await ExchangeTestData.ClientAsync(factory, DemoAccounts.BailleurAgent2),
        };
        var review = $"/gestion/bailleur/echanges/propositions/{proposalId}";
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var participant in participants)
        {
            var agent = agents[participant.ReceivingBailleurId];
            var other = agents.First(a => a.Key != participant.ReceivingBailleurId).Value;
            var version = await VersionAsync(proposalId);
            var foreign = WebUtility.HtmlDecode(await (await other.PostFormAsync(review, ReviewFields(participant.Id, version), action: review + "/review")).Content.ReadAsStringAsync());
            Assert.Contains("n'entre pas dans un logement de votre bailleur", foreign, StringComparison.Ordinal);

            // An attribution before a favourable review is refused.
            var early = WebUtility.HtmlDecode(await (await agent.PostFormAsync(review, CaleolFields(participant.Id, version, today), action: review + "/caleol")).Content.ReadAsStringAsync());
            Assert.Contains("examen favorable", early, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, (await agent.PostFormAsync(review, ReviewFields(participant.Id, await VersionAsync(proposalId)), action: review + "/review")).StatusCode);

            // A stale form (the version before the review) is refused, not applied over the newer state.
            var stale = WebUtility.HtmlDecode(await (await agent.PostFormAsync(review, CaleolFields(participant.Id, version, today), action: review + "/caleol")).Content.ReadAsStringAsync());
            Assert.Contains("Quelqu'un d'autre vient de modifier cet échange", stale, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, (await agent.PostFormAsync(review, CaleolFields(participant.Id, await VersionAsync(proposalId), today), action: review + "/caleol")).StatusCode);
        }

        Assert.Equal(ProposalStatus.Completed, await StatusAsync(proposalId));
        var final = WebUtility.HtmlDecode(await first.GetStringAsync(new Uri(tracker, UriKind.Relative)));
        Assert.Contains("Échange validé", final, StringComparison.Ordinal);
        Assert.Contains("Bonjour, quand pouvons-nous visiter ?", final, StringComparison.Ordinal);
        var notices = await ExchangeTestData.WithDbAsync(factory, db => db.OutboxMessages.Where(m => m.Kind.StartsWith("echange")).Select(m => new { m.Kind, m.TextBody }).ToListAsync());
        Assert.Contains(notices, n => n.Kind == "echange-message");
        Assert.DoesNotContain(notices, n => n.TextBody.Contains("quand pouvons-nous visiter", StringComparison.Ordinal));
        Assert.Contains(notices, n => n.Kind == "echange-suivi");

        // Someone outside the exchange gets 404 on its tracker.
        var outsider = await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeMembers.AnyAsync());
        Assert.True(outsider);
    }

    private static Dictionary<string, string> ReviewFields(int participantId, Guid version) => new()
    {
        ["ParticipantId"] = participantId.ToString(CultureInfo.InvariantCulture),
        ["Version"] = version.ToString(),
        ["Occupation"] = "Favourable",
        ["Adaptation"] = "Favourable",
        ["Arrears"] = "Favourable",
    };

    private static Dictionary<string, string> CaleolFields(int participantId, Guid version, string date) => new()
    {
        ["ParticipantId"] = participantId.ToString(CultureInfo.InvariantCulture),
        ["Version"] = version.ToString(),
        ["Decision"] = "Attribution",
        ["DecidedOn"] = date,
    };

    private Task<ProposalStatus> StatusAsync(int id) => ExchangeTestData.WithDbAsync(factory, db => db.ExchangeProposals.Where(p => p.Id == id).Select(p => p.Status).SingleAsync());

    private Task<Guid> VersionAsync(int id) => ExchangeTestData.WithDbAsync(factory, db => db.ExchangeProposals.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());
}

internal static class ExchangeTestData
{
    /// <summary>The listing ids of the three demo tenants, in chain order.</summary>
    public static async Task<int[]> DemoListingsAsync(CilPortalWebFactory factory)
    {
        var emails = new[] { DemoAccounts.Tenant, DemoAccounts.Tenant2, DemoAccounts.Tenant3 };
        var rows = await WithDbAsync(factory, db => db.ExchangeListings
            .Join(db.ExchangeMembers, l => l.MemberId, m => m.Id, (l, m) => new { l.Id, m.UserId })
            .Join(db.Users, x => x.UserId, u => u.Id, (x, u) => new { x.Id, u.Email })
            .Where(x => emails.Contains(x.Email)).ToListAsync());
        return [.. emails.Select(e => rows.Single(r => r.Email == e).Id)];
    }

    public static Task<List<string>> ActiveNursAsync(CilPortalWebFactory factory, int count) =>
        WithDbAsync(factory, db => db.Demands.Where(d => d.Status == DemandStatus.Active).OrderBy(d => d.Id).Select(d => d.Nur).Skip(5).Take(count).ToListAsync());

    public static async Task<HttpClient> ClientAsync(CilPortalWebFactory factory, string email)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<T> WithDbAsync<T>(CilPortalWebFactory factory, Func<CilPortalDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<CilPortalDbContext>());
    }

    public static async Task<T> WithServiceAsync<TService, T>(CilPortalWebFactory factory, Func<TService, Task<T>> action)
        where TService : notnull
    {
        using var scope = factory.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
