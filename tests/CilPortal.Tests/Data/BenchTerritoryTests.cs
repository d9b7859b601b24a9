using CilPortal.Domain.Demands;
using CilPortal.Domain.Exchanges;
using CilPortal.Domain.Territory;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Data;

/// <summary>The benchmark territory of bench/ is the demo's generator at another size, plus exchange listings in bulk.</summary>
public class BenchTerritoryTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Fact]
    public void The_generator_honours_the_size_asked()
    {
        var communes = Enumerable.Range(0, 5).Select(i => new Commune { InseeCode = $"1110{i}", Name = $"Commune {i}" }).ToList();
        var size = new DemoTerritorySize(ActiveDemands: 400, Leases: 150, Residences: 25, ExchangeListings: 0);

        var territory = new DemoTerritoryGenerator(3, Today, size).Generate(communes, []);

        Assert.Equal(25, territory.Residences.Count);
        Assert.Equal(400, territory.Demands.Count(d => d.Status == DemandStatus.Active));
        Assert.Equal(150, territory.Allocations.Count(a => a.Allocation.LeaseSignedOn is not null));
        Assert.Equal(territory.Demands.Count, territory.Demands.Select(d => d.Nur).Distinct().Count());
        Assert.Equal(DemoTerritorySize.Standard, DemoTerritorySize.Of(DemoSize.Standard));
        Assert.Equal((100_000, 30_000, 50_000), (DemoTerritorySize.Metropolis.ActiveDemands, DemoTerritorySize.Metropolis.Leases, DemoTerritorySize.Metropolis.ExchangeListings));
    }

    [Fact]
    public async Task Bulk_exchange_listings_live_in_generated_dwellings_under_pseudonyms_once()
    {
        using var portal = new CilPortalWebFactory();
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CilPortalDbContext>();
        var before = await db.ExchangeListings.CountAsync();

        await new ManyExchangeListingsSeeder(db).SeedAsync(300, seed: 5);
        await new ManyExchangeListingsSeeder(db).SeedAsync(300, seed: 5);

        var added = await db.ExchangeListings.AsNoTracking().Include(l => l.Member).ThenInclude(m => m!.Residence)
            .Where(l => l.Member!.ContactName.StartsWith("Membre fictif") && l.Member.TenantReference.StartsWith("LOC-0"))
            .ToListAsync();
        Assert.Equal(before + 300, await db.ExchangeListings.CountAsync());
        Assert.Equal(300, added.Count);
        Assert.Equal(await db.ExchangeMembers.CountAsync(), await db.ExchangeMembers.Select(m => m.Pseudonym).Distinct().CountAsync());
        Assert.All(added, l =>
        {
            Assert.Equal(MemberStatus.Verified, l.Member!.Status);
            Assert.Equal(l.Member.BailleurId, l.Member.Residence!.BailleurId);
            Assert.NotEqual(CilPortal.Domain.Stock.TypologySet.None, l.WantedTypologies);
        });
        Assert.InRange(added.Count(l => l.Status == ListingStatus.Published), 270, 300);
    }
}
