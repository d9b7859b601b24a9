using CilPortal.Domain.Allocations;
using CilPortal.Domain.Demands;
using CilPortal.Domain.Stock;

namespace CilPortal.Infrastructure.Statistics;

/// <summary>
/// A number that changes whenever data behind the published statistics (stock, demands, allocations)
/// is saved, so that cached aggregates are rebuilt on the next read instead of waiting for an expiry.
/// </summary>
public sealed class StatisticsVersion() : DataVersion(Watched)
{
    private static readonly HashSet<Type> Watched =
        [
            typeof(Residence), typeof(Dwelling), typeof(Demand), typeof(DemandWishedCommune), typeof(Allocation), typeof(CiaClassification), typeof(CaleolExamination),
            typeof(CiaYearSettings), typeof(CiaTargetOverride), typeof(CilPortal.Domain.Territory.Sector), typeof(CilPortal.Domain.Territory.SectorCommune), typeof(CilPortal.Domain.Territory.SectorQpv),
            typeof(CilPortal.Domain.Territory.Commune), typeof(CilPortal.Domain.Eligibility.IncomeCeilingScale),
        ];
}
