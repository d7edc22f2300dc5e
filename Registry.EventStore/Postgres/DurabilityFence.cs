using Npgsql;
using Registry.EventStore.Appending;

namespace Registry.EventStore.Postgres;

/// <summary>
/// The second half of a group commit on PostgreSQL. Batches commit without waiting for their WAL flush (see
/// <c>003_durable_head.sql</c>) and wait here; one fence, <c>make_durable()</c>, committed synchronously, then makes
/// every batch that waited for it durable and visible to readers at once, and only then are their appends answered.
/// While a fence waits for its flush the committer goes on with the next batches, as EventStoreDB's writer goes on
/// while its flusher flushes; the batches committed meanwhile share the next fence. The committer starts a fence
/// itself when none is running (no hand-over to another thread on the way to the server).
/// </summary>
internal sealed class DurabilityFence(NpgsqlDataSource dataSource, Action madeDurable) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private List<BatchPlan> _waiting = [];
    private Task _running = Task.CompletedTask;
    private bool _busy;

    /// <summary>No committed batch is waiting for a fence.</summary>
    public bool IsIdle
    {
        get { lock (_gate) return !_busy; }
    }

    /// <summary>A batch that has committed; its appends are answered after the next fence.</summary>
    public void Enqueue(BatchPlan plan)
    {
        lock (_gate)
        {
            _waiting.Add(plan);
            if (_busy) return;
            _busy = true;
        }
        _running = RunAsync();
    }

    /// <summary>Publishes whatever is committed and not yet durable (for instance a tail left by a writer that died
    /// between its commit and its fence), and returns the durable head.</summary>
    public static async Task<long> RaiseAsync(NpgsqlConnection connection, CancellationToken ct = default)
    {
        await using var cmd = new NpgsqlCommand("SELECT make_durable()", connection);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Fences until no batch waits: each round answers the batches that were waiting when it started.</summary>
    private async Task RunAsync()
    {
        while (true)
        {
            List<BatchPlan> group;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _busy = false;
                    return;
                }
                group = _waiting;
                _waiting = [];
            }
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
                await RaiseAsync(connection).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                var unknown = new InvalidOperationException(
                    "the append was committed but its durability could not be confirmed; sending it again with the same event ids is safe", e);
                foreach (var plan in group) plan.Fail(unknown);
                continue;
            }
            foreach (var plan in group) plan.Complete();
            madeDurable();
        }
    }

    /// <summary>Waits for the fences under way (the committer has stopped: nothing new arrives).</summary>
    public async ValueTask DisposeAsync()
    {
        Task running;
        lock (_gate) running = _running;
        await running.ConfigureAwait(false);
    }
}
