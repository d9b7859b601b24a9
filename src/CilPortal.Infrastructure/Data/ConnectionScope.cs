using Microsoft.EntityFrameworkCore;

namespace CilPortal.Infrastructure.Data;

/// <summary>
/// Keeps a context's connection open over several queries: EF Core otherwise opens and closes it around each one, and
/// on SQLite every open of a pooled connection registers EF Core's SQL functions again, and every close removes them,
/// under the pool's lock (issue #11: a page of five queries spent more there than in the queries).
/// </summary>
public static class ConnectionScope
{
    /// <summary>Opens the connection (or counts one more user of an open one) until the scope is disposed.</summary>
    public static async Task<IAsyncDisposable> OpenConnectionScopeAsync(this DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(cancellationToken);
        return new Scope(db);
    }

    private sealed class Scope(DbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await db.Database.CloseConnectionAsync();
    }
}
