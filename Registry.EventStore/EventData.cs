namespace Registry.EventStore;

/// <summary>An event proposed for appending. Data and metadata are UTF-8 JSON.</summary>
public sealed record EventData(Guid EventId, string EventType, ReadOnlyMemory<byte> Data, ReadOnlyMemory<byte> Metadata);
