using CilPortal.Domain.Demands;
using CilPortal.Domain.Information;
using CilPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CilPortal.Infrastructure.Statistics;

/// <summary>Loads the aggregates behind the key figures once per data version and day, then computes any commune from memory.</summary>
public sealed class KeyFiguresService(CilPortalDbContext db, IMemoryCache cache, StatisticsVersion version)
{
    private sealed record Inputs(IReadOnlyList<StockCount> Stock, IReadOnlyList<DemandCount> Demands, IReadOnlyList<LeaseRecord> Leases);

    public const int SimilarWaitMonths = 24;

    public async Task<KeyFigures> ForAsync(string? communeInseeCode, DateOnly today, CancellationToken cancellationToken = default)
    {
        // Callers pass the EPCI (null) or a commune known to the database, so the results cached stay few.
        var changed = version.ChangeToken;
        return await cache.GetOrComputeOnceAsync(("key-figures-of", version.Current, today, communeInseeCode), Lifetime, async () =>
        {
            var inputs = await InputsAsync(today);
            return KeyFiguresCalculator.Compute(inputs.Stock, inputs.Demands, inputs.Leases, today, communeInseeCode);
        }, changed, cancellationToken);
    }

    /// <summary>Observed wait of the leases of the last 24 months in a commune and typology (R441-2-17: "similar demands").</summary>
    public async Task<WaitStatistics?> SimilarWaitAsync(string communeInseeCode, CilPortal.Domain.Stock.Typology typology, DateOnly today, CancellationToken cancellationToken = default)
    {
        var changed = version.ChangeToken;
        return await cache.GetOrComputeOnceAsync(("similar-wait", version.Current, today, communeInseeCode, typology), Lifetime, async () =>
        {
            var inputs = await InputsAsync(today);
            var since = today.AddMonths(-SimilarWaitMonths);
            return KeyFiguresCalculator.Waits([.. inputs.Leases.Where(l => l.CommuneInseeCode == communeInseeCode && l.Typology == typology && l.LeaseSignedOn > since)]);
        }, changed, cancellationToken);
    }

    /// <summary>
    /// The figures change only when the data does (<see cref="StatisticsVersion"/>, in the cache keys) or the day turns;
    /// each page and Ma demande read them from memory instead of computing them again at every request. A change also
    /// ends the entries of the version before (<see cref="StatisticsVersion.ChangeToken"/>).
    /// </summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(6);

    private Task<Inputs> InputsAsync(DateOnly today)
    {
        var changed = version.ChangeToken;
        return cache.GetOrComputeOnceAsync(("key-figures", version.Current, today), Lifetime, () => LoadAsync(today, CancellationToken.None), expiresWhen: changed);
    }

    private async Task<Inputs> LoadAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var stock = await db.Dwellings
            .GroupBy(d => new { d.Residence!.CommuneInseeCode, d.Typology })
            .Select(g => new StockCount(g.Key.CommuneInseeCode, g.Key.Typology, g.Count()))
            .ToListAsync(cancellationToken);
        var demands = await db.Demands
            .ActiveOn(today)
            .GroupBy(d => new { FirstChoice = d.WishedCommunes.Where(w => w.Rank == 1).Select(w => w.CommuneInseeCode).FirstOrDefault(), d.WishedTypologies })
            .Select(g => new DemandCount(g.Key.FirstChoice, g.Key.WishedTypologies, g.Count()))
            .ToListAsync(cancellationToken);
        var since = today.AddMonths(-KeyFiguresCalculator.WaitWindowMonths);
        var leases = await db.Allocations
            .Where(a => a.LeaseSignedOn != null && a.LeaseSignedOn > since)
            .Join(db.Dwellings, a => a.Examination!.DwellingId, d => d.Id, (a, d) => new { a, d })
            .Join(db.Demands, x => x.a.DemandId, demand => demand.Id, (x, demand) => new LeaseRecord(x.d.Residence!.CommuneInseeCode, x.d.Typology, demand.FiledOn, x.a.LeaseSignedOn!.Value))
            .ToListAsync(cancellationToken);
        return new Inputs(stock, demands, leases);
    }
}
