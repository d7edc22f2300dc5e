using System.Text.Json;
using Registry.Contracts.Common;
using Registry.EventStore;

namespace Registry.Write.Pipeline;

/// <summary>Reads a stream of the registry's facts and deserializes it for the deciders.</summary>
public sealed class StreamLoader(IEventStore store)
{
    public async Task<Facts> LoadAsync(string stream, CancellationToken ct)
    {
        var facts = new List<RecordedFact>();
        await foreach (var e in store.ReadStreamAsync(stream, Direction.Forwards, 0, long.MaxValue, ct))
            facts.Add(new RecordedFact(e.EventId, e.EventType, e.StreamRevision, e.Position, Deserialize(e)));
        return new Facts(stream, facts);
    }

    public static IRegistryEvent Deserialize(RecordedEvent e) => EventCatalogue.TryGetType(e.EventType, out var type)
        ? (IRegistryEvent)JsonSerializer.Deserialize(e.Data, type, RegistryJson.Options)!
        : throw new InvalidOperationException($"Stream '{e.StreamName}' holds '{e.EventType}', which is not an event of the catalogue.");
}
