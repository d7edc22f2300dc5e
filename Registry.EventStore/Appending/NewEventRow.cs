namespace Registry.EventStore.Appending;

/// <summary>A row the batch will insert, fully decided: position, revision, recorded time and chain hash.</summary>
internal sealed record NewEventRow(long Position, string Stream, long Revision, Guid EventId, string EventType,
    byte[] Data, byte[] Metadata, long RecordedMicroseconds, byte[] Hash);
