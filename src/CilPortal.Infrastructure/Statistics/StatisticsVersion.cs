using System.Runtime.CompilerServices;
using CilPortal.Domain.Allocations;
using CilPortal.Domain.Demands;
using CilPortal.Domain.Stock;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CilPortal.Infrastructure.Statistics;

/// <summary>
/// A number that changes whenever data behind the published statistics (stock, demands, allocations)
/// is saved, so that cached aggregates are rebuilt on the next read instead of waiting for an expiry.
/// </summary>
public sealed class StatisticsVersion : SaveChangesInterceptor
{
    private static readonly HashSet<Type> Watched =
        [
            typeof(Residence), typeof(Dwelling), typeof(Demand), typeof(DemandWishedCommune), typeof(Allocation), typeof(CiaClassification), typeof(CaleolExamination),
            typeof(CiaYearSettings), typeof(CiaTargetOverride), typeof(CilPortal.Domain.Territory.Sector), typeof(CilPortal.Domain.Territory.SectorCommune), typeof(CilPortal.Domain.Territory.SectorQpv),
            typeof(CilPortal.Domain.Territory.Commune), typeof(CilPortal.Domain.Eligibility.IncomeCeilingScale),
        ];

    private readonly ConditionalWeakTable<DbContext, object> pending = [];
    private long version;

    public long Current => Interlocked.Read(ref version);

    public void Bump() => Interlocked.Increment(ref version);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Done(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Done(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Watched.Contains(e.Metadata.ClrType)))
        {
            pending.AddOrUpdate(context, this);
            Bump();
        }
    }

    /// <summary>Bumped again once committed, so that a read racing the save cannot keep stale figures.</summary>
    private void Done(DbContext? context)
    {
        if (context is not null && pending.Remove(context))
        {
            Bump();
        }
    }
}
