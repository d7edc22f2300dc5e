namespace Registry.EventStore;

/// <summary>An event proposed for appending. Data and metadata are UTF-8 JSON.</summary>
/// <remarks>Prefer time-ordered ids (<see cref="Guid.CreateVersion7()"/>): the log keeps a unique index of event ids,
/// and random ids dirty pages all over it, which doubled the bytes SQLite wrote per batch (BENCHMARKS.md).</remarks>
public sealed record EventData(Guid EventId, string EventType, ReadOnlyMemory<byte> Data, ReadOnlyMemory<byte> Metadata);
