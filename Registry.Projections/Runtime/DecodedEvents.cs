using System.Data.Common;
using Registry.Contracts.Common;
using Registry.EventStore;
using Registry.Projections.Common;

namespace Registry.Projections.Runtime;

/// <summary>
/// The contract records of a batch's events, each decoded once however many projections read it (a correction is
/// read by every read model), and decoded ahead when a writer has a spare core: <see cref="DecodeAll"/> and
/// <see cref="ReadHistoriesAsync"/> run on the offline rebuild's reading thread while the previous page is written.
/// </summary>
public sealed class DecodedEvents(IReadOnlyList<RecordedEvent> events)
{
    private readonly IRegistryEvent?[] _decoded = new IRegistryEvent?[events.Count];
    private Dictionary<(string Stream, long Position), IReadOnlyList<EffectiveFact>>? _histories;

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

    /// <summary>
    /// Reads ahead the history each correction of the batch re-derives (<see cref="StreamHistory.AtCorrectionsAsync"/>):
    /// otherwise every projection concerned reads it on the writing connection, which on PostgreSQL first waits for the
    /// writes sent before (measured: 20,000 such reads in a million events).
    /// </summary>
    public async Task ReadHistoriesAsync(DbConnection log, SqlDialect dialect, CancellationToken ct) =>
        _histories = await StreamHistory.AtCorrectionsAsync(log, dialect, events, ct);

    /// <summary>The stream's facts at the correction at <paramref name="position"/>, if read ahead.</summary>
    public IReadOnlyList<EffectiveFact>? HistoryAt(string stream, long position) =>
        _histories?.GetValueOrDefault((stream, position));
}
