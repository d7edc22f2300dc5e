namespace Registry.EventStore.Appending;

/// <summary>What the idempotency check needs to know of an event id that is already recorded.</summary>
internal sealed record StoredEventKey(Guid EventId, string Stream, long Revision, long Position, string EventType, byte[] Data, byte[] Metadata);
