using Registry.EventStore;

namespace Registry.Tests.Infrastructure;

/// <summary>A log that passes everything to <paramref name="inner"/>, with a hook around each append: how the write
/// side's specifications stage what happens between its reads and its append (a lost answer, another writer).</summary>
public abstract class InterceptedLog(IEventStore inner) : IEventStore
{
    protected virtual Task BeforeAppendAsync(string stream) => Task.CompletedTask;

    protected virtual AppendResult AfterAppend(string stream, AppendResult result) => result;

    public Task<AppendResult> AppendAsync(string stream, ExpectedRevision expected, IReadOnlyList<EventData> events, CancellationToken ct = default) =>
        AppendAsync(stream, expected, events, [], ct);

    public async Task<AppendResult> AppendAsync(string stream, ExpectedRevision expected, IReadOnlyList<EventData> events,
        IReadOnlyList<StreamCondition> conditions, CancellationToken ct = default)
    {
        await BeforeAppendAsync(stream);
        return AfterAppend(stream, await inner.AppendAsync(stream, expected, events, conditions, ct));
    }

    public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string stream, Direction direction, long fromRevision, long maxCount, CancellationToken ct = default) =>
        inner.ReadStreamAsync(stream, direction, fromRevision, maxCount, ct);
    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(Direction direction, long fromPosition, long maxCount, EventFilter? filter = null, CancellationToken ct = default) =>
        inner.ReadAllAsync(direction, fromPosition, maxCount, filter, ct);
    public Task<RecordedEvent?> ReadEventAsync(Guid eventId, CancellationToken ct = default) => inner.ReadEventAsync(eventId, ct);
    public Task<long?> GetStreamRevisionAsync(string stream, CancellationToken ct = default) => inner.GetStreamRevisionAsync(stream, ct);
    public Task<long> GetHeadPositionAsync(CancellationToken ct = default) => inner.GetHeadPositionAsync(ct);
    public Task WaitForEventsAfterAsync(long afterPosition, CancellationToken ct) => inner.WaitForEventsAfterAsync(afterPosition, ct);
    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
