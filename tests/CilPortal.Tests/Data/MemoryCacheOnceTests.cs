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
    public async Task A_request_that_joined_may_stop_waiting_but_the_one_whose_computation_runs_waits_for_its_end()
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

        using var startingAborted = new CancellationTokenSource();
        using var joiningAborted = new CancellationTokenSource();
        var starting = cache.GetOrComputeOnceAsync("figures", TimeSpan.FromMinutes(1), Compute, startingAborted.Token);
        var leaving = cache.GetOrComputeOnceAsync("figures", TimeSpan.FromMinutes(1), Compute, joiningAborted.Token);
        var staying = cache.GetOrComputeOnceAsync("figures", TimeSpan.FromMinutes(1), Compute);
        await startingAborted.CancelAsync();
        await joiningAborted.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);

        // The computation still uses what the first request gave it (its DbContext): that request cannot end before it.
        Assert.False(starting.IsCompleted);
        release.SetResult();

        Assert.Equal(42, await starting);
        Assert.Equal(42, await staying);
        Assert.Equal(42, await cache.GetOrComputeOnceAsync("figures", TimeSpan.FromMinutes(1), Compute));
        Assert.Equal(1, computations);
    }

    [Fact]
    public async Task Figures_of_a_superseded_data_version_leave_the_cache_at_once_rather_than_after_hours()
    {
        using var cache = new MemoryCache(new MemoryCacheOptions());
        using var version = new StatisticsVersion();
        var key = ("figures", version.Current);
        var changed = version.ChangeToken;
        await cache.GetOrComputeOnceAsync(key, TimeSpan.FromHours(6), () => Task.FromResult(42), changed);
        var keptBefore = cache.TryGetValue(key, out _);

        version.Bump();

        Assert.True(keptBefore);
        Assert.False(cache.TryGetValue(key, out _));
        Assert.Equal(0, cache.Count);
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
