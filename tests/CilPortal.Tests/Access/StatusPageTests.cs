using System.Net;
using CilPortal.Domain.Allocations;
using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Access;
using CilPortal.Infrastructure.Data;
using CilPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Access;

public class StatusPageTests(CilPortalWebFactory factory) : IClassFixture<CilPortalWebFactory>
{
    [Fact]
    public async Task A_demand_examined_in_caleol_shows_each_decision_with_rank_and_dwelling()
    {
        var (nur, code) = await DemandWithAsync(db => db.Demands.Where(d => d.Status == DemandStatus.Active && db.Allocations.Any(a => a.DemandId == d.Id && a.Rank > 1)));

        var html = WebUtility.HtmlDecode(await DemandLookupTests.LookupAsync(factory.CreateClient(), nur, code));

        Assert.Contains("Décisions de la commission d'attribution", html, StringComparison.Ordinal);
        Assert.Matches("Attribution au rang [2-9]", html);
        Assert.Contains(" m², ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pending_offer_shows_the_deadline_and_the_consequences_of_refusing()
    {
        var (nur, code) = await DemandWithAsync(db => db.Demands.Where(d => d.Status == DemandStatus.Active && db.Allocations.Any(a => a.DemandId == d.Id)), async (db, demand) =>
        {
            var session = await db.Allocations.Where(a => a.DemandId == demand.Id).MaxAsync(a => a.Examination!.SessionDate);
            db.DemandEvents.RemoveRange(db.DemandEvents.Where(e => e.DemandId == demand.Id && (e.Kind == DemandEventKind.OfferMade || e.Kind == DemandEventKind.OfferRefused)));
            db.DemandEvents.Add(new DemandEvent { DemandId = demand.Id, OccurredOn = session.AddDays(2), Kind = DemandEventKind.OfferMade, Detail = "Proposition de logement." });
            return session.AddDays(12);
        });

        var html = WebUtility.HtmlDecode(await DemandLookupTests.LookupAsync(factory.CreateClient(), nur, code));

        Assert.Contains("data-testid=\"pending-offer\"", html, StringComparison.Ordinal);
        Assert.Contains("Un logement vous est proposé : répondez avant le", html, StringComparison.Ordinal);
        Assert.Contains("Si vous refusez, votre demande reste active", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_demand_near_its_anniversary_calls_for_renewal_and_shows_waits_and_its_score()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (nur, code) = await DemandWithAsync(db => db.Demands.Where(d => d.Status == DemandStatus.Active), (db, demand) =>
        {
            demand.ExpiresOn = today.AddDays(10);
            return Task.FromResult(today);
        });

        var html = WebUtility.HtmlDecode(await DemandLookupTests.LookupAsync(factory.CreateClient(), nur, code));

        Assert.Contains("Renouvelez votre demande avant le", html, StringComparison.Ordinal);
        Assert.Contains("Combien de temps attendent les demandes comme la mienne", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"score-total\"", html, StringComparison.Ordinal);
        Assert.Contains("Détail de mes points", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pending_offer_is_the_last_one_without_an_answer()
    {
        DemandEvent[] answered = [new() { Id = 1, OccurredOn = new(2026, 1, 1), Kind = DemandEventKind.OfferMade }, new() { Id = 2, OccurredOn = new(2026, 1, 5), Kind = DemandEventKind.OfferRefused }];
        DemandEvent[] waiting = [.. answered, new() { Id = 3, OccurredOn = new(2026, 2, 1), Kind = DemandEventKind.OfferMade }];

        Assert.Null(OfferRules.PendingOffer(answered));
        Assert.Equal(3, OfferRules.PendingOffer(waiting)?.Id);
        Assert.Equal(new DateOnly(2026, 2, 11), OfferRules.AnswerDeadline(new DateOnly(2026, 2, 1)));
    }

    private async Task<(string Nur, string Code)> DemandWithAsync(Func<CilPortalDbContext, IQueryable<Demand>> pick, Func<CilPortalDbContext, Demand, Task<DateOnly>>? change = null)
    {
        _ = factory.Server;
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var used = await db.Demands.Where(d => d.AccessCodeHash != null).Select(d => d.Id).ToListAsync();
        var demand = await pick(db).Where(d => !used.Contains(d.Id)).OrderBy(d => d.Id).FirstAsync();
        if (change is not null)
        {
            await change(db, demand);
            await db.SaveChangesAsync();
        }

        return (demand.Nur, await scope.ServiceProvider.GetRequiredService<DemandAccessService>().IssueAsync(demand.Id));
    }
}
