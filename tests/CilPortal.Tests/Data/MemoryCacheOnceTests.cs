using CilPortal.Infrastructure.Statistics;
using Microsoft.Extensions.Caching.Memory;

namespace CilPortal.Tests.Data;

public class MemoryCacheOnceTests
{
    [Fact]
    public async Task Requests_asking_at_the_same_time_for_missing_figures_share_one_computation()
    {
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var computations = 0;
        var release = new TaskCompletionSource();

        async Task<int> Compute()
        {
            Interlocked.Increment(ref computations);
            await release.Task;
            return 42;
        }

        var callers = Enumerable.Range(0, 32).Select(_ => Task.Run(() => cache.GetOrComputeOnceAsync("figures", TimeSpan.FromMinutes(1), Compute))).ToList();
        await Task.Delay(100);
        release.SetResult();

        Assert.All(await Task.WhenAll(callers), value => Assert.Equal(42, value));
        Assert.Equal(1, computations);
        Assert.Equal(42, await cache.GetOrComputeOnceAsync("figures", TimeSpan.FromMinutes(1), () => Task.FromResult(0)));
    }

    [Fact]
    public async Task A_request_that_stops_waiting_leaves_the_computation_to_the_others()
    {
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var computations = 0;
        var release = new TaskCompletionSource();

        async Task<int> Compute()
        {
            Interlocked.Increment(ref computations);
            await release.Task;
            return 42;
        }

        using var aborted = new CancellationTokenSource();
        var leaving = cache.GetOrComputeOnceAsync("figures", TimeSpan.FromMinutes(1), Compute, aborted.Token);
        var staying = cache.GetOrComputeOnceAsync("figures", TimeSpan.FromMinutes(1), Compute);
        await aborted.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        release.SetResult();

        Assert.Equal(42, await staying);
        Assert.Equal(42, await cache.GetOrComputeOnceAsync("figures", TimeSpan.FromMinutes(1), Compute));
        Assert.Equal(1, computations);
    }

    [Fact]
    public async Task A_failed_computation_is_not_kept_and_the_next_request_computes_again()
    {
        using var cache = new MemoryCache(new MemoryCacheOptions());

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            cache.GetOrComputeOnceAsync<int>("figures", TimeSpan.FromMinutes(1), () => throw new InvalidOperationException("base indisponible")));

        Assert.Equal(7, await cache.GetOrComputeOnceAsync("figures", TimeSpan.FromMinutes(1), () => Task.FromResult(7)));
    }
}
