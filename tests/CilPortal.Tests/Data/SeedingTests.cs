using CilPortal.Domain.Demands;
using CilPortal.Domain.Stock;
using CilPortal.Domain.Territory;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Tests.Data;

public class SeedingTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Fact]
    public async Task Reference_data_gives_the_37_communes_and_3_qpv_of_ca_le_grand_narbonne()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        await using var db = new CilPortalDbContext(new DbContextOptionsBuilder<CilPortalDbContext>().UseSqlite(connection).Options);
        await db.Database.EnsureCreatedAsync();

        await new ReferenceDataSeeder(db).SeedAsync("241100593");
        await new ReferenceDataSeeder(db).SeedAsync("241100593");

        var epci = await db.Epcis.SingleAsync();
        Assert.Equal("CA Le Grand Narbonne", epci.Name);
        Assert.Equal(37, await db.Communes.CountAsync());
        Assert.Equal(["QP011007", "QP011008", "QP011009"], await db.Qpvs.OrderBy(q => q.Code).Select(q => q.Code).ToListAsync());
        Assert.All(await db.Qpvs.ToListAsync(), q => Assert.Equal("11262", q.CommuneInseeCode));
        Assert.All(await db.Communes.ToListAsync(), c => Assert.Equal(IncomeCeilingZone.OtherRegions, c.IncomeCeilingZone));
    }

    [Fact]
    public async Task An_unknown_siren_is_refused_with_a_french_message()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        await using var db = new CilPortalDbContext(new DbContextOptionsBuilder<CilPortalDbContext>().UseSqlite(connection).Options);
        await db.Database.EnsureCreatedAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new ReferenceDataSeeder(db).SeedAsync("000000000"));

        Assert.Contains("Aucun EPCI de SIREN 000000000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_territory_is_deterministic_and_has_the_announced_size()
    {
        var (communes, qpvs) = Narbonne();

        var first = new DemoTerritoryGenerator(20261128, Today).Generate(communes, qpvs);
        var second = new DemoTerritoryGenerator(20261128, Today).Generate(communes, qpvs);

        Assert.Equal(first.Demands.Select(d => (d.Nur, d.Members.Count, d.Resources.Sum(r => r.MonthlyAmount))),
            second.Demands.Select(d => (d.Nur, d.Members.Count, d.Resources.Sum(r => r.MonthlyAmount))));
        Assert.Equal(4, first.Bailleurs.Count);
        Assert.Equal(3, first.Reservataires.Count(r => r.Kind != CilPortal.Domain.Partners.ReservataireKind.Bailleur));
        Assert.Equal(5, first.ReceptionPoints.Count);
        Assert.Equal(120, first.Residences.Count);
        Assert.InRange(first.Residences.Count(r => r.IsInQpv), 30, 40);
        Assert.InRange(first.Residences.Sum(r => r.Dwellings.Count), 2200, 2800);
        Assert.Equal(3000, first.Demands.Count(d => d.Status == DemandStatus.Active));
        Assert.Equal(900, first.Allocations.Count(a => a.Allocation.LeaseSignedOn is not null));
        Assert.All(first.Demands, d => Assert.True(Nur.IsWellFormed(d.Nur), d.Nur));
        Assert.Equal(first.Demands.Count, first.Demands.Select(d => d.Nur).Distinct().Count());
    }

    [Fact]
    public void Demo_demands_are_consistent_active_ones_are_not_expired_and_housed_ones_are_struck_off_after_their_lease()
    {
        var (communes, qpvs) = Narbonne();

        var territory = new DemoTerritoryGenerator(7, Today).Generate(communes, qpvs);

        Assert.All(territory.Demands.Where(d => d.Status == DemandStatus.Active), d =>
        {
            Assert.True(d.ExpiresOn > Today, d.Nur);
            var renewals = d.Events.Where(e => e.Kind == DemandEventKind.Renewed).Select(e => e.OccurredOn).ToList();
            Assert.Equal(d.FiledOn.AddYears(1 + renewals.Count), d.ExpiresOn);
            Assert.Equal(renewals.Count == 0 ? null : renewals.Max(), d.LastRenewedOn);
        });
        Assert.All(territory.Allocations.Where(a => a.Allocation.LeaseSignedOn is not null), a =>
        {
            Assert.Equal(DemandStatus.StruckOff, a.Demand.Status);
            Assert.Equal(RadiationReason.LeaseSigned, a.Demand.RadiationReason);
            Assert.True(a.Demand.FiledOn <= a.Session);
            Assert.True(a.Allocation.LeaseSignedOn <= Today);
        });
        Assert.All(territory.Allocations, a =>
            Assert.True(a.Demand.FiledOn <= a.Session && a.Session < a.Demand.ExpiresOn && (a.Demand.StruckOffOn is null || a.Session <= a.Demand.StruckOffOn),
                $"{a.Demand.Nur} was not active at its CALEOL session of {a.Session}."));
        Assert.All(territory.Demands, d => Assert.All(d.Events, e =>
            Assert.True(e.OccurredOn >= d.FiledOn && e.OccurredOn <= (d.StruckOffOn ?? Today), $"{d.Nur}: {e.Kind} on {e.OccurredOn} is outside its life.")));
        Assert.All(territory.Demands.Where(d => d.StruckOffOn is not null), d =>
        {
            Assert.True(d.LastRenewedOn is null || d.LastRenewedOn <= d.StruckOffOn, d.Nur);
            Assert.True(d.ExpiresOn > d.StruckOffOn, d.Nur);
        });
        Assert.All(territory.Allocations, a => Assert.True(a.Demand.WishedTypologies.Includes(a.Dwelling.Typology), $"{a.Demand.Nur} was examined for a {a.Dwelling.Typology} it did not want."));

        // The stored state of every demo demand is the one its events lead to (R441-2-15).
        Assert.All(territory.Demands, d => Assert.Equal(DemandHistory.StateOf(d), DemandHistory.Derive(d.FiledOn, d.Events)));
        Assert.All(territory.Demands, d => Assert.Single(d.Members, m => m.Role == HouseholdRole.Applicant));
        Assert.All(territory.Demands, d => Assert.True(d.IsFictional));
    }

    private static (List<Commune> Communes, List<Qpv> Qpvs) Narbonne()
    {
        var communes = new List<Commune> { new() { InseeCode = "11262", Name = "Narbonne" } };
        communes.AddRange(Enumerable.Range(1, 36).Select(i => new Commune { InseeCode = $"11{i:D3}", Name = $"Commune {i}" }));
        var qpvs = new List<Qpv>
        {
            new() { Code = "QP011007", Name = "Narbonne Ouest", CommuneInseeCode = "11262", FirstDecileIncomePerUnit = 7391, MedianIncomePerUnit = 11886, NinthDecileIncomePerUnit = 20767 },
            new() { Code = "QP011008", Name = "Narbonne Centre", CommuneInseeCode = "11262", FirstDecileIncomePerUnit = 7229, MedianIncomePerUnit = 13297, NinthDecileIncomePerUnit = 25490 },
            new() { Code = "QP011009", Name = "Narbonne Est", CommuneInseeCode = "11262", FirstDecileIncomePerUnit = 7218, MedianIncomePerUnit = 11673, NinthDecileIncomePerUnit = 19741 },
        };
        return (communes, qpvs);
    }
}
