using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Primitives;

namespace CilPortal.Infrastructure.Statistics;

/// <summary>
/// A number that changes whenever entities of the watched types are saved (a SaveChanges interceptor), so that what is
/// cached under it is read again at the next use instead of waiting for an expiry. Saves that bypass SaveChanges
/// (ExecuteUpdate, ExecuteDelete) call <see cref="Bump"/> themselves.
/// </summary>
public abstract class DataVersion(IReadOnlySet<Type> watched) : SaveChangesInterceptor, IDisposable
{
    private readonly ConditionalWeakTable<DbContext, object> pending = [];
    private long version;
    private CancellationTokenSource changed = new();

    public long Current => Interlocked.Read(ref version);

    /// <summary>
    /// Fires at the next change. Figures cached under <see cref="Current"/> expire with it rather than at the end of their
    /// lifetime: no one reads them any more, and a portal whose demands change all day would otherwise keep hours of
    /// superseded copies in memory. Take it before reading <see cref="Current"/> (a change in between then only makes
    /// the new entry expire at once).
    /// </summary>
    public IChangeToken ChangeToken => new CancellationChangeToken(Volatile.Read(ref changed).Token);

    public void Bump()
    {
        Interlocked.Increment(ref version);
        // Not disposed: an entry may still be registering on its token (a cancelled source holds nothing to release).
        Interlocked.Exchange(ref changed, new CancellationTokenSource()).Cancel();
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            changed.Dispose();
        }
    }

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
        if (context is not null && context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && watched.Contains(e.Metadata.ClrType)))
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
