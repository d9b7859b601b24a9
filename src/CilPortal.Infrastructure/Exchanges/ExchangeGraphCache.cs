using System.Diagnostics;
using CilPortal.Domain.Exchanges;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CilPortal.Infrastructure.Exchanges;

/// <summary>
/// The compatibility graph of the published listings, kept in memory: it is derived data, and every proposal checks its
/// legs again against the database before it is saved, so a graph a few minutes old never makes a wrong exchange.
/// </summary>
/// <remarks>
/// A graph is rebuilt from the database once it is <see cref="Lifetime"/> old, or after a change made through this
/// instance (<see cref="Invalidate"/>). A graph that was quick to build (under <see cref="SynchronousBuildLimit"/>: a
/// territory of a few thousand listings) is rebuilt at once, by the request that finds it out of date, so a tenant sees the
/// effect of a change on the next page. A graph that was slow to build (the benchmark territory's 50,000 listings: about
/// 20 s) is never rebuilt by a request: the pages keep the graph they have while the next one is built in the background,
/// at most once every <see cref="SlowGraphRefreshInterval"/>, so that a change shows in the matches within that time and
/// the rebuilds of a busy territory take a small share of one core. Only the first request after start-up waits for a build.
/// Each build reads the listings through a scope of its own, never a request's context.
/// </remarks>
public sealed class ExchangeGraphCache(IServiceScopeFactory scopes, TimeProvider time, ILogger<ExchangeGraphCache> logger) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    /// <summary>The most a build may take for the next one to be done by the request that needs it.</summary>
    public static readonly TimeSpan DefaultSynchronousBuildLimit = TimeSpan.FromSeconds(1);

    /// <summary>How often, at most, a slow graph is rebuilt in the background.</summary>
    public static readonly TimeSpan SlowGraphRefreshInterval = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private Built? current;
    private int version;
    private int refreshing;

    /// <summary>The most a build may take for the next one to be done by the request that needs it (tests lower it).</summary>
    public TimeSpan SynchronousBuildLimit { get; set; } = DefaultSynchronousBuildLimit;

    /// <summary>The background build under way, if any (for tests).</summary>
    public Task? Refresh { get; private set; }

    /// <summary>Marks the graph out of date: a listing, a member or a residence changed through this instance.</summary>
    public void Invalidate() => Interlocked.Increment(ref version);

    public void Dispose()
    {
        stopping.Cancel();
        stopping.Dispose();
        gate.Dispose();
    }

    public async Task<CompatibilityGraph> GetAsync(CancellationToken cancellationToken)
    {
        var built = Volatile.Read(ref current);
        if (built is not null && IsFresh(built))
        {
            return built.Graph;
        }

        if (built is not null && built.BuildTime > SynchronousBuildLimit)
        {
            if (time.GetUtcNow() - built.BuiltAt >= SlowGraphRefreshInterval)
            {
                StartRefresh();
            }

            return built.Graph;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            built = Volatile.Read(ref current);
            return built is not null && IsFresh(built) ? built.Graph : (await BuildAsync(cancellationToken)).Graph;
        }
        finally
        {
            gate.Release();
        }
    }

    private bool IsFresh(Built built) => built.Version == Volatile.Read(ref version) && time.GetUtcNow() - built.BuiltAt < Lifetime;

    /// <summary>Builds the graph of the published listings; the caller holds the gate.</summary>
    private async Task<Built> BuildAsync(CancellationToken cancellationToken)
    {
        var seen = Volatile.Read(ref version);
        var clock = Stopwatch.StartNew();
        using var scope = scopes.CreateScope();
        var candidates = await scope.ServiceProvider.GetRequiredService<ExchangeQueries>().CandidatesAsync(false, cancellationToken);
        var built = new Built(CompatibilityGraph.Build(candidates), time.GetUtcNow(), clock.Elapsed, seen);
        Volatile.Write(ref current, built);
        if (built.BuildTime > SynchronousBuildLimit)
        {
            logger.LogInformation("Graphe des échanges : {Listings} annonces, {Edges} appariements, construit en {Seconds:F1} s.",
                built.Graph.Count, built.Graph.EdgeCount, built.BuildTime.TotalSeconds);
        }

        return built;
    }

    private void StartRefresh()
    {
        if (Interlocked.CompareExchange(ref refreshing, 1, 0) != 0)
        {
            return;
        }

        var token = stopping.Token;
        Refresh = Task.Run(async () =>
        {
            try
            {
                await gate.WaitAsync(token);
                try
                {
                    await BuildAsync(token);
                }
                finally
                {
                    gate.Release();
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException && token.IsCancellationRequested)
            {
                // The portal is stopping: Dispose cancelled the build and released the gate under it.
            }
#pragma warning disable CA1031 // A failed background build is logged; the pages keep the graph they have and try again later.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogError(e, "La reconstruction du graphe des échanges a échoué ; le graphe précédent reste servi.");
            }
            finally
            {
                Volatile.Write(ref refreshing, 0);
            }
        }, CancellationToken.None);
    }

    private sealed record Built(CompatibilityGraph Graph, DateTimeOffset BuiltAt, TimeSpan BuildTime, int Version);
}
