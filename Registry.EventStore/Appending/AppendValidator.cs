using System.Text.Json;

namespace Registry.EventStore.Appending;

/// <summary>Checks an append against the log's limits before anything touches the database.</summary>
internal static class AppendValidator
{
    public static void Validate(string stream, IReadOnlyList<EventData> events, IReadOnlyList<StreamCondition> conditions, AppendLimits limits)
    {
        if (StreamName.Problem(stream, limits.MaxStreamNameLength) is { } problem)
            throw new InvalidAppendException("stream", problem);
        for (var i = 0; i < conditions.Count; i++)
        {
            if (StreamName.Problem(conditions[i].Stream, limits.MaxStreamNameLength) is { } conditionProblem)
                throw new InvalidAppendException($"conditions[{i}].stream", conditionProblem);
            if (conditions[i].Stream == stream)
                throw new InvalidAppendException($"conditions[{i}].stream", "is the stream appended to: its expected revision says where it must stand");
        }
        if (events.Count == 0)
            throw new InvalidAppendException("events", "an append needs at least one event");
        if (events.Count > limits.MaxEventsPerAppend)
            throw new InvalidAppendException("events", $"{events.Count} events in one append; the limit is {limits.MaxEventsPerAppend}");

        var ids = new HashSet<Guid>();
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var field = $"events[{i}]";
            if (e.EventId == Guid.Empty) throw new InvalidAppendException($"{field}.id", "is empty");
            if (!ids.Add(e.EventId)) throw new InvalidAppendException($"{field}.id", $"{e.EventId} appears twice in this append");
            if (string.IsNullOrWhiteSpace(e.EventType)) throw new InvalidAppendException($"{field}.type", "is empty");
            if (e.EventType.Length > 200) throw new InvalidAppendException($"{field}.type", "is longer than 200 characters");
            if (e.Data.Length > limits.MaxEventBytes)
                throw new InvalidAppendException($"{field}.data", $"is {e.Data.Length} bytes; the limit is {limits.MaxEventBytes}");
            if (e.Metadata.Length > limits.MaxEventBytes)
                throw new InvalidAppendException($"{field}.metadata", $"is {e.Metadata.Length} bytes; the limit is {limits.MaxEventBytes}");
            if (JsonProblem(e.Data) is { } dataProblem) throw new InvalidAppendException($"{field}.data", dataProblem);
            if (!e.Metadata.IsEmpty && JsonProblem(e.Metadata) is { } metaProblem) throw new InvalidAppendException($"{field}.metadata", metaProblem);
        }
    }

    private static string? JsonProblem(ReadOnlyMemory<byte> json)
    {
        if (json.IsEmpty) return "is empty; it must be a JSON value";
        // The reader does not check the UTF-8 of string contents it is not asked to decode.
        if (!System.Text.Unicode.Utf8.IsValid(json.Span)) return "is not valid UTF-8";
        var reader = new Utf8JsonReader(json.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            while (reader.Read())
            {
                // Nor does it pair surrogate escapes: "\ud800" alone is well-formed JSON that no reader can turn into
                // text, and an event every projection would then fail on. Only escaped strings need decoding to tell.
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped && !Decodes(ref reader))
                    return "has a string with an unpaired surrogate escape (\\ud800 to \\udfff), which is not text";
            }
            return null;
        }
        catch (JsonException e)
        {
            return $"is not valid JSON ({e.Message})";
        }
    }

    private static bool Decodes(ref Utf8JsonReader reader)
    {
        try
        {
            reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
