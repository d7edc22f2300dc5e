using System.Text.Json;
using Registry.Contracts.Common;

namespace Registry.Projections.Common;

/// <summary>Turns stored event data back into the contract records of the catalogue.</summary>
public static class EventDecoder
{
    public static IRegistryEvent Decode(string eventType, ReadOnlySpan<byte> data) =>
        (IRegistryEvent)JsonSerializer.Deserialize(data, TypeOf(eventType), RegistryJson.Options)!;

    public static IRegistryEvent Decode(string eventType, JsonElement data) =>
        (IRegistryEvent)data.Deserialize(TypeOf(eventType), RegistryJson.Options)!;

    private static Type TypeOf(string eventType) => EventCatalogue.TryGetType(eventType, out var type) ? type
        : throw new InvalidOperationException($"'{eventType}' is not an event of the catalogue");
}
