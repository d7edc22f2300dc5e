namespace Registry.EventStore;

/// <summary>An event as the log holds it.</summary>
/// <param name="Position">Global position: 1-based, contiguous, strictly increasing in commit order.</param>
/// <param name="StreamRevision">0-based revision within its stream.</param>
/// <param name="Recorded">When the log committed it (UTC).</param>
/// <param name="Hash">SHA-256 chained over the previous event's hash and this event's canonical bytes.</param>
public sealed record RecordedEvent(
    long Position,
    string StreamName,
    long StreamRevision,
    Guid EventId,
    string EventType,
    byte[] Data,
    byte[] Metadata,
    DateTimeOffset Recorded,
    byte[] Hash);
