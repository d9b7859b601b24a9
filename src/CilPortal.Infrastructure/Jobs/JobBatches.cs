namespace CilPortal.Infrastructure.Jobs;

/// <summary>
/// How a job that writes many rows shares the database with the portal: in short transactions, with a pause between two.
/// SQLite has one write lock for the whole file; a writer that finds it taken (a sign-in, a form) retries until its
/// timeout (30 s) and does not queue. Batches written back to back would leave it only the instant between a commit and
/// the next batch's <c>BEGIN IMMEDIATE</c>, and it could time out while every batch is short (issue #11: the first
/// retention run on the benchmark territory).
/// </summary>
public static class JobBatches
{
    /// <summary>Longer than the retry interval of a waiting writer, so that one waiting gets the lock before the next batch.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Hands <paramref name="items"/> to <paramref name="write"/> <paramref name="size"/> at a time, in their order, waiting
    /// <see cref="Pause"/> between two batches; each call of <paramref name="write"/> is one short transaction.
    /// </summary>
    public static async Task ForEachBatchAsync<T>(IEnumerable<T> items, int size, Func<T[], Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(write);
        var first = true;
        foreach (var batch in items.Chunk(size))
        {
            if (!first)
            {
                await Task.Delay(Pause, cancellationToken);
            }

            first = false;
            await write(batch);
        }
    }
}
