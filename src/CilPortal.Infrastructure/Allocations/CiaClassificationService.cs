using CilPortal.Domain.Allocations;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CilPortal.Infrastructure.Allocations;

/// <summary>
/// Stores the CIA classification of allocations followed by a signed lease, computed by
/// <see cref="CiaClassifier"/> from the demand, the residence's QPV and the threshold of the lease's year.
/// </summary>
public sealed class CiaClassificationService(CilPortalDbContext db, IMemoryCache cache, StatisticsVersion version)
{
    /// <summary>Classifies tracked allocations with a lease (the caller saves).</summary>
    public async Task ClassifyAsync(IReadOnlyCollection<Allocation> allocations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(allocations);
        var leased = allocations.Where(a => a.LeaseSignedOn is not null).ToList();
        if (leased.Count == 0)
        {
            return;
        }

        var demandIds = leased.Select(a => a.DemandId).Distinct().ToList();
        var demands = await db.Demands.AsNoTracking().AsSplitQuery().Include(d => d.Members).Include(d => d.Resources)
            .Where(d => demandIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        var examinationIds = leased.Select(a => a.ExaminationId).Distinct().ToList();
        var qpvByExamination = await db.CaleolExaminations.AsNoTracking().Where(e => examinationIds.Contains(e.Id))
            .Join(db.Dwellings, e => e.DwellingId, d => d.Id, (e, d) => new { e.Id, d.Residence!.QpvCode })
            .ToDictionaryAsync(x => x.Id, x => x.QpvCode, cancellationToken);
        var years = leased.Select(a => a.LeaseSignedOn!.Value.Year).Distinct().ToList();
        var settings = await db.CiaYears.AsNoTracking().Where(y => years.Contains(y.Year)).ToDictionaryAsync(y => y.Year, cancellationToken);
        foreach (var allocation in leased)
        {
            var lease = allocation.LeaseSignedOn!.Value;
            var demand = demands[allocation.DemandId];
            var year = settings.GetValueOrDefault(lease.Year);
            allocation.Classification = CiaClassifier.Classify(CiaClassifier.InputFor(
                demand, lease, qpvByExamination.GetValueOrDefault(allocation.ExaminationId), year?.FirstQuartileThreshold, allocation.IsUrbanRenewalRehousing,
                year?.PriorityPublicSituations ?? PriorityPublicCriteria.None));
        }
    }

    /// <summary>Classifies the leases not classified yet (history from before, imports); returns how many.</summary>
    /// <remarks>
    /// By batches of <see cref="Batch"/> leases in id order, each saved: the queries of <see cref="ClassifyAsync"/> list
    /// their demand and examination ids, and EF Core 10 sends such a list as one SQL parameter per id, which costs more than
    /// linear time to prepare (30,000 leases of the benchmark territory took more than ten minutes in one go).
    /// </remarks>
    public async Task<int> ClassifyMissingAsync(CancellationToken cancellationToken = default)
    {
        var count = 0;
        var after = 0;
        while (true)
        {
            var missing = await db.Allocations
                .Where(a => a.Id > after && a.LeaseSignedOn != null && a.Classification == null)
                .OrderBy(a => a.Id)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (missing.Count == 0)
            {
                return count;
            }

            await ClassifyAsync(missing, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            count += missing.Count;
            after = missing[^1].Id;
        }
    }

    private const int Batch = 1_000;

    /// <summary>
    /// Applies a year's new settings to its leases (the caller saves): the new threshold, and the year's list of
    /// situations counted as priority publics. The household, resources and QPV recorded at the lease stay as they
    /// were; whether the household is a priority public is read again from its demand, unless the demand's personal
    /// data has been purged (retention), in which case what was recorded stays. Leases not classified yet are classified.
    /// </summary>
    public async Task<int> ApplyYearSettingsAsync(CiaYearSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var start = new DateOnly(settings.Year, 1, 1);
        var end = new DateOnly(settings.Year, 12, 31);
        var leases = await db.Allocations.Where(a => a.LeaseSignedOn >= start && a.LeaseSignedOn <= end).ToListAsync(cancellationToken);
        var demandIds = leases.Select(a => a.DemandId).Distinct().ToList();
        var demands = await db.Demands.AsNoTracking().Where(d => demandIds.Contains(d.Id) && d.PersonalDataPurgedOn == null).ToDictionaryAsync(d => d.Id, cancellationToken);
        foreach (var lease in leases.Where(a => a.Classification is not null))
        {
            var classification = CiaClassifier.WithThreshold(lease.Classification!, settings.FirstQuartileThreshold);
            if (demands.TryGetValue(lease.DemandId, out var demand))
            {
                classification = classification with { IsPriorityPublic = PriorityPublicRules.IsPriorityPublic(demand, settings.PriorityPublicSituations) };
            }

            lease.Classification = classification;
        }

        await ClassifyAsync([.. leases.Where(a => a.Classification is null)], cancellationToken);
        return leases.Count;
    }

    /// <summary>
    /// The counted allocations of a year (leases signed in it), optionally of one bailleur, for the indicators:
    /// with the examination's bailleur and réservataire and the commune of the dwelling's residence.
    /// </summary>
    /// <remarks>
    /// Kept in memory per year, bailleur and data version (any saved change of a lease, its classification, examination,
    /// dwelling or residence gives a new version on this instance) and for at most a minute (the changes saved by another
    /// instance): a year of a metropolis is about 10,000 leases, 300 ms to read at every dashboard view.
    /// </remarks>
    public async Task<IReadOnlyList<CountedAllocation>> CountedAsync(int year, int? bailleurId, CancellationToken cancellationToken = default)
    {
        return await cache.GetOrComputeOnceAsync(("cia-counted", year, bailleurId, version.Current), TimeSpan.FromMinutes(1),
            () => ReadCountedAsync(year, bailleurId, CancellationToken.None), cancellationToken);
    }

    private async Task<IReadOnlyList<CountedAllocation>> ReadCountedAsync(int year, int? bailleurId, CancellationToken cancellationToken)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var query = db.Allocations.AsNoTracking().Where(a => a.LeaseSignedOn >= start && a.LeaseSignedOn <= end && a.Classification != null);
        if (bailleurId is { } id)
        {
            query = query.Where(a => a.Examination!.BailleurId == id);
        }

        var rows = await query
            .Join(db.Dwellings, a => a.Examination!.DwellingId, d => d.Id, (a, d) => new
            {
                a.LeaseSignedOn,
                a.Examination!.ReservataireId,
                a.Examination.BailleurId,
                d.Residence!.CommuneInseeCode,
                a.Classification,
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new CountedAllocation(r.LeaseSignedOn!.Value, r.ReservataireId, r.Classification!, r.BailleurId, r.CommuneInseeCode))];
    }

    /// <summary>The CIA settings of a year, or the defaults (no threshold) when the EPCI has not set them.</summary>
    public async Task<CiaYearSettings> SettingsAsync(int year, CancellationToken cancellationToken = default) =>
        await db.CiaYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, cancellationToken) ?? new CiaYearSettings { Year = year };
}
