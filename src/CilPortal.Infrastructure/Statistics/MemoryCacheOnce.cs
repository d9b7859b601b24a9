using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

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

    /// <inheritdoc cref="GetOrComputeOnceAsync{T}(IMemoryCache, object, TimeSpan, Func{Task{T}}, IChangeToken?, CancellationToken)"/>
    public static Task<T> GetOrComputeOnceAsync<T>(this IMemoryCache cache, object key, TimeSpan lifetime, Func<Task<T>> compute, CancellationToken cancellationToken = default) =>
        cache.GetOrComputeOnceAsync(key, lifetime, compute, expiresWhen: null, cancellationToken);

    /// <param name="compute">Runs without any caller's cancellation token: other requests may be waiting for it.</param>
    /// <param name="cancellationToken">
    /// Stops the wait of a caller that joined a computation another one started; the computation goes on for the others.
    /// The caller whose <paramref name="compute"/> runs waits for its end whatever its token says: the computation uses
    /// what it captured from that caller (its request's DbContext), which must not be disposed, or returned to the pool
    /// and handed to another request, while the computation runs.
    /// </param>
    /// <param name="expiresWhen">Also ends the entry before its lifetime (<see cref="StatisticsVersion.ChangeToken"/>).</param>
    public static Task<T> GetOrComputeOnceAsync<T>(this IMemoryCache cache, object key, TimeSpan lifetime, Func<Task<T>> compute, IChangeToken? expiresWhen, CancellationToken cancellationToken = default) =>
        cache.GetOrComputeOnceAsync(key, lifetime, compute, expiresWhen, size: null, cancellationToken);

    /// <inheritdoc cref="GetOrComputeOnceAsync{T}(IMemoryCache, object, TimeSpan, Func{Task{T}}, IChangeToken?, CancellationToken)"/>
    /// <param name="size">The entry's size, for a cache with a size limit (which refuses an entry without one).</param>
    public static async Task<T> GetOrComputeOnceAsync<T>(this IMemoryCache cache, object key, TimeSpan lifetime, Func<Task<T>> compute, IChangeToken? expiresWhen, long? size, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cache);
        var created = false;
        if (!cache.TryGetValue(key, out Lazy<Task<T>>? shared) || shared is null)
        {
            lock (Gate)
            {
                if (!cache.TryGetValue(key, out shared) || shared is null)
                {
                    shared = new Lazy<Task<T>>(compute, LazyThreadSafetyMode.ExecutionAndPublication);
                    var options = new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime, Size = size };
                    if (expiresWhen is not null)
                    {
                        options.ExpirationTokens.Add(expiresWhen);
                    }

                    cache.Set(key, shared, options);
                    created = true;
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
            return await (created ? computation : computation.WaitAsync(cancellationToken));
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
