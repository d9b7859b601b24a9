using CilPortal.Domain.Territory;

namespace CilPortal.Domain.Allocations;

/// <summary>What a set of CIA indicators is computed over.</summary>
public enum CiaScopeKind
{
    /// <summary>The whole EPCI: every counted allocation.</summary>
    Epci = 0,

    /// <summary>One bailleur's allocations.</summary>
    Bailleur = 1,

    /// <summary>The allocations of one sector of the CIA (its communes and QPV).</summary>
    Sector = 2,
}

/// <summary>A scope of the CIA indicators: the EPCI, a bailleur or a sector, with its id (0 for the EPCI).</summary>
public sealed record CiaScope(CiaScopeKind Kind, int Id)
{
    /// <summary>The whole EPCI.</summary>
    public static CiaScope Epci { get; } = new(CiaScopeKind.Epci, 0);

    public static CiaScope ForBailleur(int bailleurId) => new(CiaScopeKind.Bailleur, bailleurId);

    public static CiaScope ForSector(int sectorId) => new(CiaScopeKind.Sector, sectorId);
}

/// <summary>One sector of the CIA as the breakdown sees it: the communes and the QPV it groups.</summary>
/// <param name="Id">The sector's id.</param>
/// <param name="Name">Its name, as shown.</param>
/// <param name="Communes">INSEE codes of its communes.</param>
/// <param name="QpvCodes">Codes of its QPV (a QPV may belong to a sector whose communes do not include the QPV's commune).</param>
public sealed record SectorArea(int Id, string Name, IReadOnlyList<string> Communes, IReadOnlyList<string> QpvCodes);

/// <summary>
/// Which sectors an allocation belongs to, pure: it belongs to a sector when its dwelling's QPV is one of the
/// sector's QPV, or its commune one of the sector's communes. Sectors may overlap, so an allocation may belong
/// to several sectors, or to none. Codes are compared ignoring case and surrounding spaces.
/// </summary>
public sealed class SectorMap
{
    private readonly Dictionary<int, (HashSet<string> Communes, HashSet<string> Qpvs)> members = [];

    /// <summary>Builds the map; sector ids must be distinct.</summary>
    /// <exception cref="ArgumentException">Two sectors have the same id.</exception>
    public SectorMap(IEnumerable<SectorArea> sectors)
    {
        ArgumentNullException.ThrowIfNull(sectors);
        var list = new List<SectorArea>();
        foreach (var sector in sectors)
        {
            ArgumentNullException.ThrowIfNull(sector);
            if (members.ContainsKey(sector.Id))
            {
                throw new ArgumentException($"Sector {sector.Id} is given twice.", nameof(sectors));
            }

            members[sector.Id] = (Codes(sector.Communes), Codes(sector.QpvCodes));
            list.Add(sector);
        }

        Sectors = [.. list.OrderBy(s => s.Id)];
    }

    /// <summary>A map without sectors.</summary>
    public static SectorMap Empty { get; } = new([]);

    /// <summary>The sectors, by id.</summary>
    public IReadOnlyList<SectorArea> Sectors { get; }

    /// <summary>The map of the EPCI's sectors as stored (communes and QPV of each).</summary>
    public static SectorMap From(IEnumerable<Sector> sectors)
    {
        ArgumentNullException.ThrowIfNull(sectors);
        return new SectorMap(sectors.Select(s => new SectorArea(
            s.Id, s.Name, [.. s.Communes.Select(c => c.CommuneInseeCode)], [.. s.Qpvs.Select(q => q.QpvCode)])));
    }

    /// <summary>True when the allocation's QPV or commune is in the sector; false for an unknown sector.</summary>
    public bool Contains(int sectorId, CountedAllocation allocation)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        if (!members.TryGetValue(sectorId, out var sector))
        {
            return false;
        }

        var qpv = allocation.Classification.QpvCode?.Trim();
        return (qpv is { Length: > 0 } && sector.Qpvs.Contains(qpv))
            || (allocation.CommuneInseeCode is { } commune && sector.Communes.Contains(commune.Trim()));
    }

    /// <summary>The ids of the sectors the allocation belongs to, in order.</summary>
    public IReadOnlyList<int> SectorsOf(CountedAllocation allocation) =>
        [.. Sectors.Where(s => Contains(s.Id, allocation)).Select(s => s.Id)];

    private static HashSet<string> Codes(IEnumerable<string>? codes) =>
        new((codes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()), StringComparer.OrdinalIgnoreCase);
}

/// <summary>The indicators of one scope (a bailleur or a sector).</summary>
public sealed record CiaScopeIndicators(CiaScope Scope, CiaYearIndicators Indicators);

/// <summary>
/// The CIA indicators of a year broken down: for the whole EPCI, per bailleur, per sector and per réservataire.
/// Each scope is computed by <see cref="CiaIndicatorCalculator.Compute"/> over its own allocations, against its
/// own targets, so the projections and what is still needed are those of the scope.
/// </summary>
/// <param name="Epci">The whole EPCI, against the targets of <see cref="CiaScope.Epci"/>.</param>
/// <param name="ByBailleur">Each bailleur with at least one lease counted in the year up to the date, by id.</param>
/// <param name="BySector">Every sector of the map, by id, even without a lease (then its totals are 0).</param>
public sealed record CiaBreakdown(CiaYearIndicators Epci, IReadOnlyList<CiaScopeIndicators> ByBailleur, IReadOnlyList<CiaScopeIndicators> BySector)
{
    /// <summary>The priority-public indicator per réservataire, over the whole EPCI (with the EPCI's targets).</summary>
    public IReadOnlyList<ReservataireIndicator> ByReservataire => Epci.PriorityPublicsByReservataire;

    /// <summary>
    /// Computes the breakdown. <paramref name="targets"/> gives the targets of each scope: it is asked for
    /// <see cref="CiaScope.Epci"/>, then for each bailleur and each sector, and handles the fallbacks itself
    /// (e.g. a bailleur without its own targets gets the EPCI's).
    /// </summary>
    public static CiaBreakdown Compute(
        int year, DateOnly asOf, IEnumerable<CountedAllocation> allocations, Func<CiaScope, CiaTargets> targets, SectorMap sectors)
    {
        ArgumentNullException.ThrowIfNull(allocations);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(sectors);
        var counted = allocations.Where(a => CiaIndicatorCalculator.IsCounted(year, asOf, a)).ToList();
        CiaYearIndicators Of(CiaScope scope, IEnumerable<CountedAllocation> scoped) =>
            CiaIndicatorCalculator.Compute(year, asOf, scoped, targets(scope) ?? throw new InvalidOperationException($"No CIA targets for {scope}."));

        var epci = Of(CiaScope.Epci, counted);
        var byBailleur = counted.GroupBy(a => a.BailleurId).OrderBy(g => g.Key)
            .Select(g => new CiaScopeIndicators(CiaScope.ForBailleur(g.Key), Of(CiaScope.ForBailleur(g.Key), g)))
            .ToList();
        var bySector = sectors.Sectors
            .Select(s => new CiaScopeIndicators(CiaScope.ForSector(s.Id), Of(CiaScope.ForSector(s.Id), counted.Where(a => sectors.Contains(s.Id, a)))))
            .ToList();
        return new CiaBreakdown(epci, byBailleur, bySector);
    }
}
