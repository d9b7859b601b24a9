using CilPortal.Infrastructure.Exchanges;
using CilPortal.Tests.Support;
using CilPortal.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CilPortal.Tests.Exchanges;

/// <summary>
/// The compatibility graph in memory (ExchangeGraphCache, issue #11): rebuilt by the request that finds it out of date when
/// it is quick to build; when it is slow (a large territory), served as it is while the next one is built in the background.
/// </summary>
public class ExchangeGraphCacheTests(ManualClockPortal factory) : IClassFixture<ManualClockPortal>
{
    [Fact]
    public async Task A_quick_graph_shows_a_change_at_once_and_a_slow_one_after_its_background_rebuild()
    {
        var cache = factory.Services.GetRequiredService<ExchangeGraphCache>();
        var listing = (await ExchangeTestData.DemoListingsAsync(factory))[0];
        var member = await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeListings.Where(l => l.Id == listing).Select(l => l.MemberId).SingleAsync());
        var all = await cache.GetAsync(CancellationToken.None);
        Assert.True(all.TryGetIndex(listing, out _));

        // Quick to build (the demo territory): the request after a change builds the graph again.
        await SetPausedAsync(member, paused: true);
        var afterPause = await cache.GetAsync(CancellationToken.None);
        Assert.False(afterPause.TryGetIndex(listing, out _));
        Assert.Equal(all.Count - 1, afterPause.Count);

        // Slow to build: the pages keep the graph they have, then get the next one once it is built in the background.
        cache.SynchronousBuildLimit = TimeSpan.Zero;
        await SetPausedAsync(member, paused: false);
        Assert.Same(afterPause, await cache.GetAsync(CancellationToken.None));
        Assert.Null(cache.Refresh);

        factory.Time.Advance(ExchangeGraphCache.SlowGraphRefreshInterval);
        Assert.Same(afterPause, await cache.GetAsync(CancellationToken.None));
        Assert.NotNull(cache.Refresh);
        await cache.Refresh;
        var rebuilt = await cache.GetAsync(CancellationToken.None);
        Assert.NotSame(afterPause, rebuilt);
        Assert.True(rebuilt.TryGetIndex(listing, out _));
        Assert.Equal(all.Count, rebuilt.Count);
        cache.SynchronousBuildLimit = ExchangeGraphCache.DefaultSynchronousBuildLimit;
    }

    /// <summary>Pauses or resumes a member as the portal does: its save, then the graph marked out of date.</summary>
    private async Task SetPausedAsync(int member, bool paused)
    {
        await ExchangeTestData.WithDbAsync(factory, db => db.ExchangeMembers.Where(m => m.Id == member)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.PausedAt, paused ? DateTime.UtcNow : null)));
        factory.Services.GetRequiredService<ExchangeGraphCache>().Invalidate();
    }
}
