using Microsoft.Extensions.Caching.Memory;

namespace CilPortal.Infrastructure.Statistics;

/// <summary>
/// <see cref="IMemoryCache"/>'s <c>GetOrCreateAsync</c> runs the factory once per caller that finds the key missing:
/// when the data version changes under load, every request in flight computed the same figures at once (32 requests
/// each reading 30,000 leases for a second on a metropolis, issue #11). Here the callers of a missing key share one
/// computation, kept as a task; a failed one is forgotten, so the next caller tries again.
/// </summary>
public static class MemoryCacheOnce
{
    private static readonly Lock Gate = new();

    /// <param name="compute">Runs without any caller's cancellation token: other requests may be waiting for it.</param>
    /// <param name="cancellationToken">Stops this caller's wait only; the computation goes on for the others.</param>
    public static async Task<T> GetOrComputeOnceAsync<T>(this IMemoryCache cache, object key, TimeSpan lifetime, Func<Task<T>> compute, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cache);
        if (!cache.TryGetValue(key, out Lazy<Task<T>>? shared) || shared is null)
        {
            lock (Gate)
            {
                if (!cache.TryGetValue(key, out shared) || shared is null)
                {
                    shared = new Lazy<Task<T>>(compute, LazyThreadSafetyMode.ExecutionAndPublication);
                    cache.Set(key, shared, lifetime);
                }
            }
        }

        Task<T> computation;
        try
        {
            computation = shared.Value;
        }
        catch
        {
            Forget(cache, key, shared);
            throw;
        }

        try
        {
            return await computation.WaitAsync(cancellationToken);
        }
        catch when (computation.IsFaulted || computation.IsCanceled)
        {
            Forget(cache, key, shared);
            throw;
        }
    }

    private static void Forget<T>(IMemoryCache cache, object key, Lazy<Task<T>> failed)
    {
        lock (Gate)
        {
            if (cache.TryGetValue(key, out Lazy<Task<T>>? current) && ReferenceEquals(current, failed))
            {
                cache.Remove(key);
            }
        }
    }
}
