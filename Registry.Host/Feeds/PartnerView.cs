using System.Text.Json;
using System.Text.Json.Nodes;
using Registry.Contracts.Common;
using Registry.Contracts.Corrections;
using Registry.EventStore;

namespace Registry.Host.Feeds;

/// <summary>
/// What a partner may see of an event: never the registry's own streams (API keys), and never personal data — founders' and mentors' names, phone numbers, e-mail addresses and ID numbers are
/// removed, also inside a correction's replacement. Used by every feed (SSE and gRPC).
/// </summary>
public static class PartnerView
{
    private static readonly Dictionary<string, string[][]> PathsByType = EventCatalogue.Names.ToDictionary(
        name => name,
        name => { EventCatalogue.TryGetType(name, out var type); return EventCatalogue.PersonalDataPaths(type).Select(p => p.Split('.')).ToArray(); });

    /// <summary>Categories of the registry's own bookkeeping, written by the write side's access control.</summary>
    private static readonly string[] InternalCategories = ["apikey"];

    public static bool IsShared(RecordedEvent e) => IsSharedStream(e.StreamName);

    public static bool IsSharedStream(string stream) => !InternalCategories.Contains(stream.Split('-', 2)[0]);

    /// <summary>The event's data without personal data (UTF-8 JSON).</summary>
    public static byte[] Data(RecordedEvent e)
    {
        if (!PathsByType.TryGetValue(e.EventType, out var paths)) return e.Data;
        var isCorrection = e.EventType == nameof(FactCorrected);
        if (paths.Length == 0 && !isCorrection) return e.Data;
        if (JsonNode.Parse(e.Data) is not JsonObject root) return e.Data;
        foreach (var path in paths) Remove(root, path, 0);
        if (isCorrection && root["correctedEventType"]?.GetValue<string>() is { } corrected && PathsByType.TryGetValue(corrected, out var inner)
            && root["replacement"] is JsonObject replacement)
            foreach (var path in inner) Remove(replacement, path, 0);
        return JsonSerializer.SerializeToUtf8Bytes(root);
    }

    private static void Remove(JsonObject node, string[] path, int at)
    {
        var segment = path[at];
        var isList = segment.EndsWith("[]", StringComparison.Ordinal);
        var name = isList ? segment[..^2] : segment;
        if (at == path.Length - 1 && !isList)
        {
            node.Remove(name);
            return;
        }
        if (isList && node[name] is JsonArray items)
            foreach (var item in items.OfType<JsonObject>()) Remove(item, path, at + 1);
    }
}
