using System.Threading.Channels;
using Registry.EventStore;
using Registry.EventStore.Subscriptions;

namespace Registry.Projections.Runtime;

/// <summary>
/// One generation being fed by a worker: its checkpoint, and a catch-up subscription from that checkpoint pumped
/// into a bounded buffer, from which the worker takes batches of what is available.
/// </summary>
internal sealed class GenerationTrack(CheckpointRow row)
{
    private Channel<SubscriptionMessage>? _buffer;
    private CancellationTokenSource? _stopping;
    private Task _pump = Task.CompletedTask;
    private Exception? _pumpError;
    private bool _sawCaughtUp;

    public CheckpointRow Row { get; } = row;

    /// <summary>Whether the worker applies events to it (faulted and superseded generations wait).</summary>
    public bool Applies => Row.State is ProjectionStates.Running or ProjectionStates.Rebuilding;

    /// <summary>History is read and nothing is buffered: the generation is as far as the log.</summary>
    public bool CaughtUp => _sawCaughtUp && _buffer is { Reader.Count: 0 };

    public void Start(IEventStore store, CancellationToken ct)
    {
        _sawCaughtUp = false;
        _pumpError = null;
        _buffer = Channel.CreateBounded<SubscriptionMessage>(new BoundedChannelOptions(4096) { SingleReader = true, SingleWriter = true });
        _stopping = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _pump = PumpAsync(store, Row.Position, _buffer.Writer, _stopping.Token);
    }

    private async Task PumpAsync(IEventStore store, long after, ChannelWriter<SubscriptionMessage> writer, CancellationToken ct)
    {
        try
        {
            await foreach (var message in store.SubscribeToAllAsync(after, ct: ct)) await writer.WriteAsync(message, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        catch (Exception e) { _pumpError = e; }
        writer.TryComplete();
    }

    /// <summary>Moves up to <paramref name="max"/> buffered events into <paramref name="into"/> without waiting.</summary>
    public void Take(int max, List<RecordedEvent> into)
    {
        if (_pumpError is not null) throw new InvalidOperationException($"Reading the log for '{Row.Name}' failed.", _pumpError);
        if (_buffer is null) return;
        while (into.Count < max && _buffer.Reader.TryRead(out var message))
        {
            if (message is SubscriptionMessage.Event e) into.Add(e.Record);
            else if (message is SubscriptionMessage.CaughtUp) _sawCaughtUp = true;
        }
    }

    public Task WaitAsync(CancellationToken ct) =>
        _buffer is null ? Task.Delay(Timeout.Infinite, ct) : _buffer.Reader.WaitToReadAsync(ct).AsTask();

    public async Task StopAsync()
    {
        if (_stopping is null) return;
        await _stopping.CancelAsync();
        await _pump;
        _stopping.Dispose();
        _stopping = null;
        _buffer = null;
    }
}
