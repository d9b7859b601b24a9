using CilPortal.Domain.Allocations;
using CilPortal.Domain.Territory;
using CsCheck;

namespace CilPortal.Tests.Domain;

public class CiaBreakdownTests
{
    private const int Year = 2026;
    private static readonly DateOnly AsOf = new(2026, 7, 1);

    /// <summary>A classification of the year: in a QPV when a code is given; the quartile may be unknown.</summary>
    internal static CiaClassification Classification(string? qpv, bool? firstQuartile, bool priority = false, bool urbanRenewal = false) =>
        new(Year, qpv is not null, qpv, 1m, 6000m, 6000m, firstQuartile is null ? null : 8861m, firstQuartile, priority, urbanRenewal);

    internal static CountedAllocation Lease(DateOnly on, CiaClassification classification, int bailleur = 1, int reservataire = 1, string commune = "01053") =>
        new(on, reservataire, classification, bailleur, commune);

    private static readonly SectorMap Sectors = new(
    [
        new SectorArea(2, "Communes périphériques", ["01004", "01033"], []),
        new SectorArea(1, "Ville-centre", ["01053"], ["QP001001"]),
        new SectorArea(3, "Quartiers", [], ["qp001002 "]),
    ]);

    [Fact]
    public void An_allocation_belongs_to_a_sector_by_its_commune_or_by_its_qpv_ignoring_case_and_spaces()
    {
        var inCentre = Lease(AsOf, Classification(null, true), commune: "01053");
        var centreQpvElsewhere = Lease(AsOf, Classification("QP001001", false), commune: "01004");
        var otherQpv = Lease(AsOf, Classification("QP001002", false), commune: "01999");
        var nowhere = Lease(AsOf, Classification(null, true), commune: "01999");

        Assert.Equal([1, 2, 3], Sectors.Sectors.Select(s => s.Id));
        Assert.Equal([1], Sectors.SectorsOf(inCentre));
        Assert.Equal([1, 2], Sectors.SectorsOf(centreQpvElsewhere));
        Assert.Equal([3], Sectors.SectorsOf(otherQpv));
        Assert.Empty(Sectors.SectorsOf(nowhere));
        Assert.False(Sectors.Contains(42, inCentre));
    }

    [Fact]
    public void Two_sectors_with_the_same_id_are_refused() =>
        Assert.Throws<ArgumentException>(() => new SectorMap([new SectorArea(1, "A", [], []), new SectorArea(1, "B", [], [])]));

    [Fact]
    public void The_map_of_stored_sectors_keeps_their_communes_and_qpv()
    {
        var sector = new Sector { Id = 7, Name = "Ville-centre" };
        sector.Communes.Add(new SectorCommune { SectorId = 7, CommuneInseeCode = "01053" });
        sector.Qpvs.Add(new SectorQpv { SectorId = 7, QpvCode = "QP001001" });

        var map = SectorMap.From([sector]);

        Assert.Equal((7, "Ville-centre"), (map.Sectors.Single().Id, map.Sectors.Single().Name));
        Assert.True(map.Contains(7, Lease(AsOf, Classification("QP001001", false), commune: "01004")));
        Assert.True(map.Contains(7, Lease(AsOf, Classification(null, false), commune: "01053")));
    }

    [Fact]
    public void Each_bailleur_and_sector_is_computed_over_its_own_leases_against_its_own_targets()
    {
        CountedAllocation[] leases =
        [
            Lease(new(2026, 2, 1), Classification(null, true), bailleur: 10, reservataire: 1, commune: "01053"),
            Lease(new(2026, 3, 1), Classification(null, false), bailleur: 10, reservataire: 2, commune: "01004"),
            Lease(new(2026, 4, 1), Classification("QP001001", false, priority: true), bailleur: 20, reservataire: 2, commune: "01053"),
            Lease(new(2026, 5, 1), Classification(null, false), bailleur: 20, reservataire: 1, commune: "01033"),
            Lease(new(2026, 9, 1), Classification(null, true), bailleur: 30, commune: "01053"), // after the date
            Lease(new(2025, 5, 1), Classification(null, true), bailleur: 30, commune: "01053"), // another year
        ];
        var asked = new List<CiaScope>();
        CiaTargets Targets(CiaScope scope)
        {
            asked.Add(scope);
            return scope == CiaScope.ForBailleur(20) ? new CiaTargets(40m, 60m, 30m) : CiaTargets.Default;
        }

        var breakdown = CiaBreakdown.Compute(Year, AsOf, leases, Targets, Sectors);

        Assert.Equal((3, 1), (breakdown.Epci.OutsideQpvFirstQuartile.Total, breakdown.Epci.OutsideQpvFirstQuartile.Met));
        Assert.Equal([CiaScope.ForBailleur(10), CiaScope.ForBailleur(20)], breakdown.ByBailleur.Select(b => b.Scope));
        var b20 = breakdown.ByBailleur[1].Indicators;
        Assert.Equal((1, 0, 40m), (b20.OutsideQpvFirstQuartile.Total, b20.OutsideQpvFirstQuartile.Met, b20.OutsideQpvFirstQuartile.TargetPercent));
        Assert.Equal((1, 1, 60m), (b20.InQpvOtherQuartiles.Total, b20.InQpvOtherQuartiles.Met, b20.InQpvOtherQuartiles.TargetPercent));
        Assert.Equal([CiaScope.ForSector(1), CiaScope.ForSector(2), CiaScope.ForSector(3)], breakdown.BySector.Select(s => s.Scope));
        Assert.Equal([2, 2, 0], breakdown.BySector.Select(s => s.Indicators.LeasesByMonth.Sum()));
        Assert.Equal(0, breakdown.BySector[2].Indicators.PriorityPublics.Total);
        Assert.Equal([(1, 2, 0), (2, 2, 1)], breakdown.ByReservataire.Select(r => (r.ReservataireId, r.Indicator.Total, r.Indicator.Met)));
        Assert.Equal(
            [CiaScope.Epci, CiaScope.ForBailleur(10), CiaScope.ForBailleur(20), CiaScope.ForSector(1), CiaScope.ForSector(2), CiaScope.ForSector(3)],
            asked);
    }

    [Fact]
    public void The_epci_of_the_breakdown_is_the_plain_computation()
    {
        CountedAllocation[] leases = [Lease(new(2026, 2, 1), Classification(null, true)), Lease(new(2026, 3, 1), Classification("QP001001", null))];

        var breakdown = CiaBreakdown.Compute(Year, AsOf, leases, _ => CiaTargets.Default, SectorMap.Empty);

        var plain = CiaIndicatorCalculator.Compute(Year, AsOf, leases, CiaTargets.Default);
        Assert.Equal(plain.OutsideQpvFirstQuartile, breakdown.Epci.OutsideQpvFirstQuartile);
        Assert.Equal(plain.InQpvOtherQuartiles, breakdown.Epci.InQpvOtherQuartiles);
        Assert.Equal(plain.PriorityPublics, breakdown.Epci.PriorityPublics);
        Assert.Equal(plain.LeasesByMonth, breakdown.Epci.LeasesByMonth);
        Assert.Empty(breakdown.BySector);
    }

    // Property-based tests (CsCheck): random leases of the year and around it, in sectors that split the communes.
    private static readonly string[] Communes = ["01004", "01033", "01053", "01099"];

    internal static readonly Gen<CiaClassification> AnyClassification =
        Gen.Select(Gen.OneOf<string?>(null, null, "QP001001", "QP001002"), Gen.OneOf<bool?>(true, false, null), Gen.Bool, Gen.Bool,
            (qpv, firstQuartile, priority, urbanRenewal) => Classification(qpv, firstQuartile, priority, urbanRenewal));

    internal static readonly Gen<CountedAllocation> AnyLease =
        Gen.Select(Gen.DateOnly[new DateOnly(2025, 11, 1), new DateOnly(2027, 2, 1)], AnyClassification, Gen.Int[1, 4], Gen.Int[1, 5], Gen.Int[0, Communes.Length - 1],
            (date, classification, bailleur, reservataire, commune) => Lease(date, classification, bailleur, reservataire, Communes[commune]));

    private static readonly Gen<DateOnly> AnyDate = Gen.DateOnly[new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 31)];

    [Fact]
    public void Bailleurs_and_sectors_that_split_the_epci_add_up_to_its_totals()
    {
        var split = new SectorMap([new SectorArea(1, "Nord", ["01004", "01033"], []), new SectorArea(2, "Sud", ["01053", "01099"], [])]);
        static (int, int, int) Counts(CiaIndicator i) => (i.Total, i.Met, i.Unknown);
        static (int, int, int) Sum(IEnumerable<CiaIndicator> indicators) =>
            indicators.Aggregate((0, 0, 0), (s, i) => (s.Item1 + i.Total, s.Item2 + i.Met, s.Item3 + i.Unknown));

        Gen.Select(AnyLease.Array[0, 40], AnyDate).Sample((leases, asOf) =>
        {
            var breakdown = CiaBreakdown.Compute(Year, asOf, leases, _ => CiaTargets.Default, split);
            foreach (var parts in new[] { breakdown.ByBailleur, breakdown.BySector })
            {
                Assert.Equal(Counts(breakdown.Epci.OutsideQpvFirstQuartile), Sum(parts.Select(p => p.Indicators.OutsideQpvFirstQuartile)));
                Assert.Equal(Counts(breakdown.Epci.InQpvOtherQuartiles), Sum(parts.Select(p => p.Indicators.InQpvOtherQuartiles)));
                Assert.Equal(Counts(breakdown.Epci.PriorityPublics), Sum(parts.Select(p => p.Indicators.PriorityPublics)));
            }

            Assert.Equal(Counts(breakdown.Epci.PriorityPublics), Sum(breakdown.ByReservataire.Select(r => r.Indicator)));
            Assert.All(breakdown.ByBailleur, b => Assert.True(b.Indicators.LeasesByMonth.Sum() > 0));
        });
    }
}
