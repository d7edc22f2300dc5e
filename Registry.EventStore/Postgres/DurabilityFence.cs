using System.Threading.Channels;
using Npgsql;
using Registry.EventStore.Appending;

namespace Registry.EventStore.Postgres;

/// <summary>
/// The second half of a group commit on PostgreSQL. Batches commit without waiting for their WAL flush (see
/// <c>003_durable_head.sql</c>) and queue here; one fence, <c>make_durable()</c>, committed synchronously, then makes
/// every batch queued before it durable and visible to readers at once, and only then are their appends answered.
/// While a fence waits for its flush the committer goes on with the next batches, as EventStoreDB's writer goes on
/// while its flusher flushes.
/// </summary>
internal sealed class DurabilityFence : IAsyncDisposable
{
    private readonly Channel<BatchPlan> _committed = Channel.CreateUnbounded<BatchPlan>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly NpgsqlDataSource _dataSource;
    private readonly Action _madeDurable;
    private readonly Task _runner;

    public DurabilityFence(NpgsqlDataSource dataSource, Action madeDurable)
    {
        _dataSource = dataSource;
        _madeDurable = madeDurable;
        _runner = Task.Run(RunAsync);
    }

    /// <summary>A batch that has committed; its appends are answered after the next fence.</summary>
    public void Enqueue(BatchPlan plan) => _committed.Writer.TryWrite(plan);

    /// <summary>Publishes whatever is committed and not yet durable (for instance a tail left by a writer that died
    /// between its commit and its fence), and returns the durable head.</summary>
    public static async Task<long> RaiseAsync(NpgsqlConnection connection, CancellationToken ct = default)
    {
        await using var cmd = new NpgsqlCommand("SELECT make_durable()", connection);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private async Task RunAsync()
    {
        var reader = _committed.Reader;
        var waiting = new List<BatchPlan>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            waiting.Clear();
            while (reader.TryRead(out var plan)) waiting.Add(plan);
            try
            {
                await using (var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false))
                    await RaiseAsync(connection).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                var unknown = new InvalidOperationException(
                    "the append was committed but its durability could not be confirmed; sending it again with the same event ids is safe", e);
                foreach (var plan in waiting) plan.Fail(unknown);
                continue;
            }
            foreach (var plan in waiting) plan.Complete();
            _madeDurable();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _committed.Writer.TryComplete();
        await _runner.ConfigureAwait(false);
    }
}
