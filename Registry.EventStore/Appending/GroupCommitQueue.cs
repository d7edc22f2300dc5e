using System.Threading.Channels;

namespace Registry.EventStore.Appending;

/// <summary>
/// Group commit, as EventStoreDB's single writer does: concurrent appends queue here and one committer commits
/// whatever has gathered in one transaction, so many small appends share one durable commit (fsync). Every append is
/// answered only after its transaction has committed. One committer, because each batch is planned on top of the one
/// before it (see <c>PostgresEventStore</c>); while a batch commits, the next one gathers.
/// </summary>
internal sealed class GroupCommitQueue : IAsyncDisposable
{
    private readonly Channel<PendingAppend> _queue = Channel.CreateBounded<PendingAppend>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Func<IReadOnlyList<PendingAppend>, Task> _commit;
    private readonly int _maxBatchEvents;
    private readonly Task _committer;

    public GroupCommitQueue(Func<IReadOnlyList<PendingAppend>, Task> commit, int maxBatchEvents)
    {
        _commit = commit;
        _maxBatchEvents = maxBatchEvents;
        _committer = Task.Run(RunAsync);
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
            var events = 0;
            while (reader.TryPeek(out var next) && (batch.Count == 0 || events + next.Events.Count <= _maxBatchEvents))
            {
                reader.TryRead(out _);
                batch.Add(next);
                events += next.Events.Count;
            }
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
        await _committer.ConfigureAwait(false);
    }
}
