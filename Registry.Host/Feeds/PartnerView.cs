using System.Text.Json;
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
    private static readonly Dictionary<string, PersonalDataScrubber> ByType = EventCatalogue.Names.ToDictionary(
        name => name,
        name => { EventCatalogue.TryGetType(name, out var type); return PersonalDataScrubber.For(EventCatalogue.PersonalDataPaths(type)); });

    /// <summary>A correction's own rules, and those of the type it corrects applied to its replacement.</summary>
    private static readonly Dictionary<string, PersonalDataScrubber> CorrectionByCorrectedType = ByType.ToDictionary(
        entry => entry.Key, entry => entry.Value.IsEmpty ? ByType[nameof(FactCorrected)] : ByType[nameof(FactCorrected)].With("replacement", entry.Value));

    /// <summary>Categories of the registry's own bookkeeping, written by the write side's access control.</summary>
    private static readonly string[] InternalCategories = ["apikey"];

    public static bool IsShared(RecordedEvent e) => IsSharedStream(e.StreamName);

    public static bool IsSharedStream(string stream) => !InternalCategories.Contains(stream.Split('-', 2)[0]);

    /// <summary>The event's data without personal data (UTF-8 JSON): the stored bytes themselves for the types that carry none.</summary>
    public static byte[] Data(RecordedEvent e)
    {
        if (!ByType.TryGetValue(e.EventType, out var scrubber)) return e.Data;
        if (e.EventType == nameof(FactCorrected) && CorrectedType(e.Data) is { } corrected
            && CorrectionByCorrectedType.TryGetValue(corrected, out var correction))
            scrubber = correction;
        return scrubber.IsEmpty ? e.Data : scrubber.Apply(e.Data);
    }

    /// <summary>A correction's <c>correctedEventType</c>, wherever it stands among the top-level properties.</summary>
    private static string? CorrectedType(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var found = reader.ValueTextEquals("correctedEventType"u8);
            reader.Read();
            if (found && reader.TokenType == JsonTokenType.String) return reader.GetString();
            reader.Skip();
        }
        return null;
    }
}
