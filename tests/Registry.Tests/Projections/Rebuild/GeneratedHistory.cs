using System.Text.Json;
using Registry.Contracts.Common;
using Registry.EventStore;
using Registry.Host.Cli.Bench;

namespace Registry.Tests.Projections.Rebuild;

/// <summary>The benchmark's generated history (every kind of event, corrections, retractions, the 2025 reform), appended one event per append.</summary>
public static class GeneratedHistory
{
    public static async Task AppendAsync(IEventStore store, int events)
    {
        foreach (var e in new HistoryGenerator().Generate(events))
            await store.AppendAsync(e.Stream, ExpectedRevision.Any,
            [
                new EventData(e.EventId, e.Data.GetType().Name, JsonSerializer.SerializeToUtf8Bytes(e.Data, e.Data.GetType(), RegistryJson.Options),
                    JsonSerializer.SerializeToUtf8Bytes(new EventMetadata(e.Data.OccurredOn, "test", e.Data.Source, e.EventId, e.EventId), RegistryJson.Options)),
            ]);
    }
}
