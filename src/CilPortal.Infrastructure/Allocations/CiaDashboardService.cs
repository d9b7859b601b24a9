using CilPortal.Domain.Allocations;
using CilPortal.Domain.Stock;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CilPortal.Infrastructure.Allocations;

/// <summary>What the EPCI's CIA views need for a year: the breakdown, the rates of each scope and the names.</summary>
public sealed record CiaDashboardData(
    int Year,
    DateOnly AsOf,
    CiaYearSettings Settings,
    IReadOnlyList<CiaTargetOverride> Overrides,
    CiaBreakdown Breakdown,
    SectorMap Sectors,
    IReadOnlyList<CountedAllocation> Counted,
    IReadOnlyDictionary<int, string> BailleurNames,
    IReadOnlyDictionary<int, string> ReservataireNames)
{
    public Func<CiaScope, CiaTargets> Targets => CiaTargetResolver.For(Settings.Targets, Overrides);

    public bool YearIsOver => AsOf >= new DateOnly(Year, 12, 31);
}

/// <summary>One allocation behind a figure, pseudonymised: no name, no demand number, no address.</summary>
public sealed record CiaAllocationRow(
    int AllocationId,
    DateOnly LeaseSignedOn,
    string Bailleur,
    string Reservataire,
    string Commune,
    string? QpvCode,
    Typology Typology,
    CiaClassification Classification);

/// <summary>Which allocations a drill-down shows: an indicator's scope, and optionally one bailleur, sector or réservataire.</summary>
public sealed record CiaDrillDown(CiaIndicatorKind? Indicator, bool OnlyMet, int? BailleurId, int? SectorId, int? ReservataireId);

/// <summary>Loads the classified leases of a year and computes the EPCI's CIA indicators (<see cref="CiaBreakdown"/>).</summary>
public sealed class CiaDashboardService(CilPortalDbContext db, CiaClassificationService classification, CommuneNames communeNames, IMemoryCache cache, StatisticsVersion version)
{
    /// <remarks>
    /// Kept in memory per year, day and data version — leases, classifications, the year's settings and rates and the
    /// sectors all give a new version when saved on this instance — and a minute at most (changes saved by another
    /// instance): the breakdown of a metropolis's year takes some 40 ms to compute, at every view of a dashboard page.
    /// </remarks>
    public async Task<CiaDashboardData> LoadAsync(int year, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        return await cache.GetOrComputeOnceAsync(("cia-dashboard", year, asOf, version.Current), TimeSpan.FromMinutes(1),
            () => ComputeAsync(year, asOf, CancellationToken.None), cancellationToken);
    }

    private async Task<CiaDashboardData> ComputeAsync(int year, DateOnly asOf, CancellationToken cancellationToken)
    {
        var settings = await classification.SettingsAsync(year, cancellationToken);
        var overrides = await db.CiaTargetOverrides.AsNoTracking().Where(o => o.Year == year).ToListAsync(cancellationToken);
        var counted = await classification.CountedAsync(year, null, cancellationToken);
        var sectors = SectorMap.From(await db.Sectors.AsNoTracking().Include(s => s.Communes).Include(s => s.Qpvs).AsSplitQuery().ToListAsync(cancellationToken));
        var breakdown = CiaBreakdown.Compute(year, asOf, counted, CiaTargetResolver.For(settings.Targets, overrides), sectors);
        var bailleurs = await db.Bailleurs.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);
        var reservataires = await db.Reservataires.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        return new CiaDashboardData(year, asOf, settings, overrides, breakdown, sectors, counted, bailleurs, reservataires);
    }

    /// <summary>The counted allocations behind a figure of the dashboard, oldest lease first.</summary>
    /// <remarks>
    /// Filtered in memory from the year's rows, kept as the dashboard is (per year, day and data version, a minute at
    /// most): read at each view, the 10,000 leases of a metropolis's year took some 190 ms for a page of a hundred (issue #11).
    /// </remarks>
    public async Task<IReadOnlyList<CiaAllocationRow>> AllocationsAsync(CiaDashboardData data, CiaDrillDown filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(filter);
        var rows = await cache.GetOrComputeOnceAsync(("cia-allocation-rows", data.Year, data.AsOf, version.Current), TimeSpan.FromMinutes(1),
            () => ReadYearRowsAsync(data, CancellationToken.None), cancellationToken);
        var communes = await communeNames.AllAsync(cancellationToken);

        return [.. rows
            .Where(r => filter.BailleurId is not { } bailleur || r.Counted.BailleurId == bailleur)
            .Where(r => filter.ReservataireId is not { } reservataire || r.Counted.ReservataireId == reservataire)
            .Where(r => filter.SectorId is not { } sector || data.Sectors.Contains(sector, r.Counted))
            .Where(r => filter.Indicator switch
            {
                CiaIndicatorKind.OutsideQpvFirstQuartile => !r.Counted.Classification.DwellingInQpv && (!filter.OnlyMet || r.Counted.Classification.MeetsQuartileTarget == true),
                CiaIndicatorKind.InQpvOtherQuartiles => r.Counted.Classification.DwellingInQpv && (!filter.OnlyMet || r.Counted.Classification.MeetsQuartileTarget == true),
                CiaIndicatorKind.PriorityPublics => !filter.OnlyMet || r.Counted.Classification.IsPriorityPublic,
                _ => true,
            })
            .Select(r => new CiaAllocationRow(
                r.AllocationId,
                r.Counted.LeaseSignedOn,
                data.BailleurNames.GetValueOrDefault(r.Counted.BailleurId, "?"),
                data.ReservataireNames.GetValueOrDefault(r.Counted.ReservataireId, "?"),
                communes.GetValueOrDefault(r.Counted.CommuneInseeCode, r.Counted.CommuneInseeCode),
                r.Counted.Classification.QpvCode,
                r.Typology,
                r.Counted.Classification))];
    }

    /// <summary>Every classified lease of the year signed by the dashboard's day, oldest first.</summary>
    private async Task<IReadOnlyList<YearRow>> ReadYearRowsAsync(CiaDashboardData data, CancellationToken cancellationToken)
    {
        var start = new DateOnly(data.Year, 1, 1);
        var until = data.AsOf < new DateOnly(data.Year, 12, 31) ? data.AsOf : new DateOnly(data.Year, 12, 31);
        var rows = await db.Allocations.AsNoTracking()
            .Where(a => a.LeaseSignedOn >= start && a.LeaseSignedOn <= until && a.Classification != null)
            .Join(db.Dwellings, a => a.Examination!.DwellingId, d => d.Id, (a, d) => new
            {
                a.Id,
                a.LeaseSignedOn,
                a.Examination!.BailleurId,
                a.Examination.ReservataireId,
                d.Residence!.CommuneInseeCode,
                d.Typology,
                a.Classification,
            })
            .ToListAsync(cancellationToken);
        return [.. rows
            .OrderBy(r => r.LeaseSignedOn).ThenBy(r => r.Id)
            .Select(r => new YearRow(r.Id, r.Typology, new CountedAllocation(r.LeaseSignedOn!.Value, r.ReservataireId, r.Classification!, r.BailleurId, r.CommuneInseeCode)))];
    }

    private sealed record YearRow(int AllocationId, Typology Typology, CountedAllocation Counted);
}
