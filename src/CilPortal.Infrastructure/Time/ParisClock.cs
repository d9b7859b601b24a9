namespace CilPortal.Infrastructure.Time;

/// <summary>Local time of the territory (Europe/Paris), from the injected <see cref="TimeProvider"/>.</summary>
public sealed class ParisClock(TimeProvider time)
{
    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public DateTime Now => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Paris).DateTime;

    public DateOnly Today => DateOnly.FromDateTime(Now);
}

/// <summary>Runs a piece of work now and then at an interval until the host stops; a failure is logged and retried at the next turn.</summary>
public static class PeriodicWork
{
    public static async Task RunAsync(Func<CancellationToken, Task> work, TimeSpan interval, TimeProvider clock, Action<Exception> onFailure, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(onFailure);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await work(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                onFailure(e);
            }

            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
