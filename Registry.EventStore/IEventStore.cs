namespace Registry.EventStore;

/// <summary>
/// The registry's event log: the one port, with an embedded (SQLite) and a server (PostgreSQL) adapter that pass the
/// same conformance suite. Semantics follow EventStoreDB: streams with expected revisions, idempotent appends by
/// event id, and one global order in which a reader never meets an event that commits later at a lower position.
/// There is deliberately no delete.
/// </summary>
public interface IEventStore : IAsyncDisposable
{
    /// <summary>Appends atomically: all events or none. Throws <see cref="WrongExpectedRevisionException"/>,
    /// <see cref="DuplicateEventIdException"/> or <see cref="InvalidAppendException"/> with nothing written.</summary>
    Task<AppendResult> AppendAsync(string stream, ExpectedRevision expected, IReadOnlyList<EventData> events, CancellationToken ct = default);

    /// <summary>The same, written only if every other stream in <paramref name="conditions"/> stands at its expected
    /// revision, checked in the same transaction: how a decision that consulted several streams is kept consistent.</summary>
    Task<AppendResult> AppendAsync(string stream, ExpectedRevision expected, IReadOnlyList<EventData> events,
        IReadOnlyList<StreamCondition> conditions, CancellationToken ct = default);

    /// <summary>Forwards: revisions from <paramref name="fromRevision"/> up; backwards: from it down
    /// (<see cref="long.MaxValue"/> means the end). Empty when the stream does not exist.</summary>
    IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string stream, Direction direction, long fromRevision, long maxCount, CancellationToken ct = default);

    /// <summary>Forwards: positions from <paramref name="fromPosition"/> up (1 is the first event); backwards: from it
    /// down (<see cref="long.MaxValue"/> means the end). Only events matching <paramref name="filter"/>, when given.</summary>
    IAsyncEnumerable<RecordedEvent> ReadAllAsync(Direction direction, long fromPosition, long maxCount, EventFilter? filter = null, CancellationToken ct = default);

    /// <summary>The event recorded under <paramref name="eventId"/>, or null: how a correction finds the fact it corrects.</summary>
    Task<RecordedEvent?> ReadEventAsync(Guid eventId, CancellationToken ct = default);

    /// <summary>The stream's last revision, or null when it does not exist.</summary>
    Task<long?> GetStreamRevisionAsync(string stream, CancellationToken ct = default);

    /// <summary>The position of the last committed event (0 when the log is empty). Every event at or below it is readable.</summary>
    Task<long> GetHeadPositionAsync(CancellationToken ct = default);

    /// <summary>Completes once the head may be past <paramref name="afterPosition"/>: the live wake-up of subscriptions
    /// (an in-process signal on SQLite, LISTEN/NOTIFY on PostgreSQL), not a busy poll.</summary>
    Task WaitForEventsAfterAsync(long afterPosition, CancellationToken ct);
}
