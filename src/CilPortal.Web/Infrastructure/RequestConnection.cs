using CilPortal.Infrastructure.Data;

namespace CilPortal.Web.Infrastructure;

/// <summary>
/// The request's database connection: a <see cref="ConnectionScope"/> that lasts the request, opened by the session
/// check (<see cref="ActiveAccountValidator"/>) or by an anonymous page whose steps each query, instead of one open and
/// close per step (issue #11: an open of a pooled SQLite connection registers EF Core's SQL functions again, a close
/// removes them, both under the pool's lock). Scoped: created after the request's context, it is disposed before it,
/// so the context goes back to its pool with its connection closed.
/// </summary>
public sealed class RequestConnection(CilPortalDbContext db) : IAsyncDisposable
{
    private IAsyncDisposable? scope;

    /// <summary>The request's context, its connection open until the end of the request.</summary>
    public async Task<CilPortalDbContext> OpenAsync(CancellationToken cancellationToken)
    {
        scope ??= await db.OpenConnectionScopeAsync(cancellationToken);
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        if (scope is { } open)
        {
            scope = null;
            await open.DisposeAsync();
        }
    }
}
