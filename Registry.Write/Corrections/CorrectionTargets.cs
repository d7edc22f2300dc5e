using System.Globalization;
using System.Text.Json;
using Registry.Contracts.Common;
using Registry.Contracts.Corrections;
using Registry.Contracts.Plans;
using Registry.EventStore;
using Registry.Write.Pipeline;

namespace Registry.Write.Corrections;

/// <summary>Finding and checking the fact a correction or retraction is about: a fact of the catalogue, still counting, of the type given.</summary>
public static class CorrectionTargets
{
    private static readonly string[] ProvinceProperties = ["provinceCode", "hostProvinceCode", "fromProvinceCode", "toProvinceCode"];

    /// <summary>The stream holding the event: a correction is appended to the same stream.</summary>
    public static async Task<string> StreamOfAsync(IEventStore store, Guid eventId, CancellationToken ct)
    {
        var recorded = await store.ReadEventAsync(eventId, ct) ?? throw Rule.Broken($"no fact of the registry has event id {eventId}");
        if (!EventCatalogue.TryGetType(recorded.EventType, out _)) throw Rule.Broken($"event {eventId} ({recorded.EventType}) is not a fact of the registry");
        return recorded.StreamName;
    }

    public static RecordedFact Require(Facts stream, Guid eventId, string? givenType)
    {
        var target = stream.Find(eventId) ?? throw Rule.Broken($"no fact of stream '{stream.Stream}' has event id {eventId}");
        if (target.Fact is FactCorrected or FactRetracted)
            throw Rule.Broken($"event {eventId} is itself a {target.EventType}: correct or retract the original fact");
        // A claim belongs to the fact it was appended with; its id, not its content, is what keeps the value taken.
        if (target.Fact is PlanNumberClaimed)
            throw Rule.Broken($"event {eventId} is a {target.EventType}, recorded with the plan's adoption: correct or retract the adoption");
        if (givenType is not null && givenType != target.EventType)
            throw Rule.Broken($"event {eventId} is a {target.EventType}, not a {givenType}");
        if (stream.Effective.All(f => f.EventId != eventId))
            throw Rule.Broken($"the {target.EventType} {eventId} was retracted; it no longer counts");
        return target;
    }

    /// <summary>The provinces of the fact as it now stands: an editor corrects only facts of its provinces.</summary>
    public static IEnumerable<ProvinceRef> ProvincesOf(Facts stream, Guid eventId) =>
        stream.Effective.FirstOrDefault(f => f.EventId == eventId) is { } current
            ? ProvinceFields.Of(current.Fact).Select(p => new ProvinceRef(p.Code, current.Fact.OccurredOn))
            : [];

    /// <summary>Province codes in a replacement (JSON), each valid on the replacement's own date.</summary>
    public static IEnumerable<ProvinceField> ProvincesIn(JsonElement replacement, DateOnly fallback)
    {
        if (replacement.ValueKind != JsonValueKind.Object) yield break;
        var on = replacement.TryGetProperty("occurredOn", out var d) && d.ValueKind == JsonValueKind.String &&
                 DateOnly.TryParseExact(d.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : fallback;
        foreach (var name in ProvinceProperties)
            if (replacement.TryGetProperty(name, out var code) && code.ValueKind == JsonValueKind.String)
                yield return new ProvinceField($"replacement.{name}", code.GetString()!, on);
        if (replacement.TryGetProperty("provinceCodes", out var codes) && codes.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var code in codes.EnumerateArray())
            {
                if (code.ValueKind == JsonValueKind.String) yield return new ProvinceField($"replacement.provinceCodes[{i}]", code.GetString()!, on);
                i++;
            }
        }
    }
}
