using Registry.Contracts.Common;
using Registry.EventStore;
using Registry.Projections.Common;

namespace Registry.Projections.Runtime;

/// <summary>
/// The contract records of a batch's events, each decoded once however many projections read it (a correction is
/// read by every read model), and decoded ahead when a writer has a spare core: <see cref="DecodeAll"/> runs on
/// the offline rebuild's reading thread while the previous page is written.
/// </summary>
public sealed class DecodedEvents(IReadOnlyList<RecordedEvent> events)
{
    private readonly IRegistryEvent?[] _decoded = new IRegistryEvent?[events.Count];

    /// <summary>The i-th event's contract record; an event type outside the catalogue throws.</summary>
    public IRegistryEvent this[int i] => _decoded[i] ??= EventDecoder.Decode(events[i].EventType, events[i].Data);

    /// <summary>Decodes every event it can now. One that fails is left to fail again where a projection asks for it, so
    /// that it faults the batch that reads it, as it would without decoding ahead.</summary>
    public void DecodeAll()
    {
        for (var i = 0; i < _decoded.Length; i++)
        {
            if (!EventCatalogue.TryGetType(events[i].EventType, out _)) continue;
            try { _ = this[i]; }
            catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException or ArgumentException) { }
        }
    }
}
