using CilPortal.Domain.Demands;

namespace CilPortal.Infrastructure.Data;

/// <summary>Database forms of the demand rules, so that every screen counts the same demands.</summary>
public static class DemandQueries
{
    /// <summary>Active on a day: not struck off and not lapsed (the query form of <see cref="DemandLifecycle.IsLapsed"/>).</summary>
    public static IQueryable<Demand> ActiveOn(this IQueryable<Demand> demands, DateOnly day) =>
        demands.Where(d => d.Status == DemandStatus.Active && d.ExpiresOn > day);
}
