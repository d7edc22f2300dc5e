using System.Text.Json;
using Registry.Contracts.Common;
using Registry.Host.Seed;

namespace Registry.Tests.Seed;

/// <summary>The embedded seed, each line with the event its body reads as (strictly, as the write side reads it).</summary>
public static class SeedFacts
{
    public static IReadOnlyList<SeedLine> Lines { get; } = SeedData.Load();

    public static IReadOnlyList<(SeedLine Line, IRegistryEvent Event)> Events { get; } = Lines.Select(l => (l, Read(l))).ToList();

    public static IEnumerable<T> All<T>() => Events.Select(e => e.Event).OfType<T>();

    public static int IndexOf(string key) => Lines.ToList().FindIndex(l => l.Key == key);

    /// <summary>The body as the write side will receive it: a correction gets its corrected event id (any id will do here).</summary>
    public static JsonElement BodyAsSent(SeedLine line) => line.Corrects is null ? line.Body : line.BodyCorrecting(Guid.Empty);

    private static IRegistryEvent Read(SeedLine line) =>
        (IRegistryEvent)JsonSerializer.Deserialize(BodyAsSent(line), SeedEventTypes.ByCommand[line.Command], RegistryJson.Options)!;
}
