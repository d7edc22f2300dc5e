using System.Threading.Channels;

namespace Registry.EventStore.Appending;

/// <summary>
/// Group commit, as EventStoreDB's single writer does: concurrent appends queue here and a committer commits whatever
/// has gathered in one transaction, so many small appends share one durable commit (fsync). Every append is answered
/// only after its transaction has committed.
/// <para>
/// With more than one committer, the next batch is already on its way to the database while the previous one commits:
/// the database's own write lock (SQLite's, or the <c>log_head</c> row lock on PostgreSQL) still orders the
/// transactions, and each reads the head and the streams only once it holds that lock, so this pipelining changes
/// no guarantee; it only hides a round trip per batch.
/// </para>
/// </summary>
internal sealed class GroupCommitQueue : IAsyncDisposable
{
    private readonly Channel<PendingAppend> _queue = Channel.CreateBounded<PendingAppend>(
        new BoundedChannelOptions(10_000) { SingleReader = false, FullMode = BoundedChannelFullMode.Wait });
    private readonly Lock _draining = new();
    private readonly Func<IReadOnlyList<PendingAppend>, Task> _commit;
    private readonly int _maxBatchEvents;
    private readonly Task[] _committers;

    public GroupCommitQueue(Func<IReadOnlyList<PendingAppend>, Task> commit, int maxBatchEvents = 10_000, int committers = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(committers, 1);
        _commit = commit;
        _maxBatchEvents = maxBatchEvents;
        _committers = Enumerable.Range(0, committers).Select(_ => Task.Run(RunAsync)).ToArray();
    }

    public async Task<AppendResult> EnqueueAsync(PendingAppend append, CancellationToken ct)
    {
        await _queue.Writer.WriteAsync(append, ct).ConfigureAwait(false);
        // Cancelling stops the wait, not the append: a retry with the same event ids is answered idempotently.
        return await append.Completion.Task.WaitAsync(ct).ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<PendingAppend>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            // One committer drains at a time, so a peeked append is the one it then reads.
            lock (_draining)
            {
                var events = 0;
                while (reader.TryPeek(out var next) && (batch.Count == 0 || events + next.Events.Count <= _maxBatchEvents))
                {
                    reader.TryRead(out _);
                    batch.Add(next);
                    events += next.Events.Count;
                }
            }
            if (batch.Count == 0) continue;
            try
            {
                await _commit(batch).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                foreach (var append in batch) append.Completion.TrySetException(e);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_committers).ConfigureAwait(false);
    }
}
