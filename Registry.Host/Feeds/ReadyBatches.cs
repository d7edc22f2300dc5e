namespace Registry.Host.Feeds;

/// <summary>
/// Takes from an async sequence, in batches, what it has ready, so that a feed flushes the network once per batch
/// instead of once per event. A batch's first item may be waited for; the next ones are taken only while the sequence
/// yields them without waiting (a catch-up reading history), so a live event is never held back behind one that has
/// not happened yet. The sequence is pulled one batch at a time: a slow consumer simply pulls less often.
/// </summary>
public sealed class ReadyBatches<T>(IAsyncEnumerator<T> items, int maxBatch) : IAsyncDisposable
{
    /// <summary>The next step of the sequence when it had to wait, kept across batches (and across idle timeouts).</summary>
    private Task<bool>? _pending;

    /// <summary>
    /// Fills <paramref name="batch"/> (cleared first). Returns false at the end of the sequence; true with an empty batch
    /// when nothing came within <paramref name="idle"/> (the caller may send a heartbeat and call again).
    /// </summary>
    public async Task<bool> NextAsync(List<T> batch, TimeSpan idle, CancellationToken ct)
    {
        batch.Clear();
        var first = _pending ?? Step();
        if (!first.IsCompleted)
        {
            _pending = first;
            try { await first.WaitAsync(idle, ct); }
            catch (TimeoutException) { return true; }
        }
        _pending = null;
        if (!await first) return false;
        batch.Add(items.Current);
        while (batch.Count < maxBatch)
        {
            var next = Step();
            if (!next.IsCompleted || !next.GetAwaiter().GetResult())
            {
                _pending = next; // waiting, or the end: the next call deals with it
                break;
            }
            batch.Add(items.Current);
        }
        return true;
    }

    private Task<bool> Step()
    {
        var step = items.MoveNextAsync();
        return step.IsCompletedSuccessfully ? (step.Result ? True : False) : step.AsTask();
    }

    private static readonly Task<bool> True = Task.FromResult(true);
    private static readonly Task<bool> False = Task.FromResult(false);

    /// <summary>Lets a step still in flight finish (its token must be cancelled first) before disposing the sequence: an
    /// async iterator cannot be disposed while it runs. Its outcome no longer matters to anyone.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_pending is { IsCompleted: false } pending)
            try { await pending; } catch (Exception) { }
        await items.DisposeAsync();
    }
}
