using CilPortal.Infrastructure.Email;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CilPortal.Infrastructure.Exchanges;

/// <summary>
/// Builds the exchanges' compatibility graph in the background once the portal has started, with the scheduled jobs
/// (<c>Jobs:Enabled</c>), so that the first tenant to open « Compatibles avec moi » does not wait for it: on the benchmark
/// territory (50,000 listings) a build takes about 20 seconds of one core.
/// </summary>
public sealed class ExchangeGraphWarmUp(ExchangeGraphCache cache, JobOptions options, ILogger<ExchangeGraphWarmUp> logger) : BackgroundService
{
    /// <summary>How long after start-up: the portal first answers its first requests.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }

        try
        {
            await Task.Delay(Delay, stoppingToken);
            await cache.GetAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // The pages build the graph themselves when this fails.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Le graphe des échanges n'a pas pu être construit au démarrage ; la première page qui en a besoin le construira.");
        }
    }
}
