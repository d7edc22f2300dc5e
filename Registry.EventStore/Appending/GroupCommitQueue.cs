using System.Threading.Channels;

namespace Registry.EventStore.Appending;

/// <summary>
/// Group commit, as EventStoreDB's single writer does: concurrent appends queue here and one committer commits
/// whatever has gathered in one transaction, so many small appends share one durable commit (fsync). Every append is
/// answered only after its transaction has committed.
/// <para>
/// Batches are planned one at a time, each on top of the one before it (see <c>PostgresEventStore</c>), but up to
/// <c>batchesInFlight</c> of them may be committing at once: the commit function returns as soon as the next batch
/// may be planned, with the task of its own commit. A slot is taken before a batch gathers, so that while every slot
/// is busy the next batch keeps gathering.
/// </para>
/// </summary>
internal sealed class GroupCommitQueue : IAsyncDisposable
{
    private readonly Channel<PendingAppend> _queue = Channel.CreateBounded<PendingAppend>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Func<IReadOnlyList<PendingAppend>, Task<Task>> _commit;
    private readonly int _maxBatchEvents;
    private readonly int _batchesInFlight;
    private readonly SemaphoreSlim _slots;
    private readonly Task _committer;

    public GroupCommitQueue(Func<IReadOnlyList<PendingAppend>, Task<Task>> commit, int maxBatchEvents, int batchesInFlight)
    {
        _commit = commit;
        _maxBatchEvents = maxBatchEvents;
        _batchesInFlight = batchesInFlight;
        _slots = new SemaphoreSlim(batchesInFlight, batchesInFlight);
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
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            await _slots.WaitAsync().ConfigureAwait(false);
            var batch = new List<PendingAppend>();
            var events = 0;
            while (reader.TryPeek(out var next) && (batch.Count == 0 || events + next.Events.Count <= _maxBatchEvents))
            {
                reader.TryRead(out _);
                batch.Add(next);
                events += next.Events.Count;
            }
            Task committed;
            try
            {
                committed = await _commit(batch).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                committed = Task.FromException(e);
            }
            if (committed.IsCompleted) Finish(batch, committed);
            else _ = committed.ContinueWith(c => Finish(batch, c), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>Frees the batch's slot; a commit that failed fails every append it has not answered.</summary>
    private void Finish(List<PendingAppend> batch, Task committed)
    {
        if (committed.Exception is { } failure)
        {
            var error = failure.InnerExceptions.Count == 1 ? failure.InnerException! : failure;
            foreach (var append in batch) append.Completion.TrySetException(error);
        }
        _slots.Release();
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _committer.ConfigureAwait(false);
        for (var i = 0; i < _batchesInFlight; i++) await _slots.WaitAsync().ConfigureAwait(false);
        _slots.Dispose();
    }
}
