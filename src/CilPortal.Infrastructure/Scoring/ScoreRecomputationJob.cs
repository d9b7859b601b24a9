using CilPortal.Infrastructure.Email;
using CilPortal.Infrastructure.Jobs;
using CilPortal.Infrastructure.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CilPortal.Infrastructure.Scoring;

/// <summary>
/// Recomputes the cotation when it is stale: every day (seniority grows by the month, a new grid may take
/// effect, demands lapse). Checks at start-up and then at the interval of <c>Jobs:ScoreCheckEveryMinutes</c>, in the
/// instance that holds the job's lease only.
/// </summary>
public sealed class ScoreRecomputationJob(IServiceScopeFactory scopes, JobOptions options, JobLeases leases, TimeProvider clock, ILogger<ScoreRecomputationJob> logger) : BackgroundService
{
    private TimeSpan Interval => TimeSpan.FromMinutes(options.ScoreCheckEveryMinutes);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (options.Enabled)
        {
            await leases.ReleaseQuietlyAsync(logger, cancellationToken, JobNames.ScoreRecomputation);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        !options.Enabled
            ? Task.CompletedTask
            : PeriodicWork.RunAsync(
                cancellationToken => leases.RunIfHolderAsync(JobNames.ScoreRecomputation, Interval, async _ =>
                {
                    using var scope = scopes.CreateScope();
                    var scoring = scope.ServiceProvider.GetRequiredService<ScoringService>();
                    var today = new ParisClock(clock).Today;
                    if (await scoring.IsStaleAsync(today, cancellationToken))
                    {
                        await scoring.RecomputeAllAsync(today, cancellationToken);
                    }
                }, cancellationToken),
                Interval,
                clock,
                e => logger.LogError(e, "Le recalcul de la cotation a échoué ; nouvel essai au prochain passage."),
                stoppingToken);
}
