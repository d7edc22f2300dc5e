using System.Text.Json;
using Registry.Contracts.Common;
using Registry.EventStore;

namespace Registry.Write.Pipeline;

/// <summary>
/// Turns decided facts into the log's events: data and <see cref="EventMetadata"/> as JSON, ids derived from the
/// command id. Everything here is a function of the command, so the same command always proposes the same bytes.
/// </summary>
public static class EventEncoder
{
    public static IReadOnlyList<EventData> Encode(IReadOnlyList<IRegistryEvent> facts, CommandContext context)
    {
        var events = new EventData[facts.Count];
        for (var i = 0; i < facts.Count; i++) events[i] = Encode(facts[i], DeterministicId.ForEvent(context.CommandId, i), context);
        return events;
    }

    /// <summary>A command's claim, under the id derived from the value it claims.</summary>
    public static EventData EncodeClaim(UniqueClaim claim, CommandContext context) => Encode(claim.Fact, claim.EventId, context);

    private static EventData Encode(IRegistryEvent fact, Guid eventId, CommandContext context)
    {
        var type = EventCatalogue.NameOf(fact.GetType());
        var metadata = new EventMetadata(fact.OccurredOn, context.Principal.KeyId, fact.Source, context.CorrelationId,
            context.CommandId, EventCatalogue.VersionOf(type));
        return new EventData(eventId, type, JsonSerializer.SerializeToUtf8Bytes(fact, fact.GetType(), RegistryJson.Options),
            JsonSerializer.SerializeToUtf8Bytes(metadata, RegistryJson.Options));
    }
}
