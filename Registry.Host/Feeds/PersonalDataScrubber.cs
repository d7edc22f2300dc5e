using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Registry.Host.Feeds;

/// <summary>
/// Removes the properties that hold personal data from an event's JSON in one pass over its bytes (a reader into a
/// writer, every other value copied as it is), rather than parsing it into a document and serializing it again, which
/// cost a feed more than everything else it does per event. Built from <c>EventCatalogue.PersonalDataPaths</c>:
/// camelCase names, "list[]" for the objects of a list. A name matches however it is escaped, and every occurrence
/// of a duplicated name is removed.
/// </summary>
public sealed class PersonalDataScrubber
{
    /// <summary>A property: removed, or kept with <see cref="Inner"/> applied to its object (or to each object of its list).</summary>
    private sealed record Rule(byte[] Name, bool Remove, bool IsList, PersonalDataScrubber? Inner);

    private readonly List<Rule> _rules;

    private PersonalDataScrubber(List<Rule> rules) => _rules = rules;

    public bool IsEmpty => _rules.Count == 0;

    public static PersonalDataScrubber For(IEnumerable<string> paths)
    {
        var root = new PersonalDataScrubber([]);
        foreach (var path in paths)
        {
            var node = root;
            var segments = path.Split('.');
            for (var i = 0; i < segments.Length; i++)
            {
                var isList = segments[i].EndsWith("[]", StringComparison.Ordinal);
                var name = Encoding.UTF8.GetBytes(isList ? segments[i][..^2] : segments[i]);
                if (i == segments.Length - 1)
                {
                    node._rules.Add(new Rule(name, Remove: true, isList, null));
                    break;
                }
                var rule = node._rules.Find(r => r.Inner is not null && r.IsList == isList && r.Name.AsSpan().SequenceEqual(name));
                if (rule is null) node._rules.Add(rule = new Rule(name, Remove: false, isList, new PersonalDataScrubber([])));
                node = rule.Inner!;
            }
        }
        return root;
    }

    /// <summary>This scrubber, and <paramref name="inner"/> applied to the object under <paramref name="property"/>.</summary>
    public PersonalDataScrubber With(string property, PersonalDataScrubber inner) =>
        new([.. _rules, new Rule(Encoding.UTF8.GetBytes(property), Remove: false, IsList: false, inner)]);

    /// <summary>The JSON without the personal data; the same array when it is not an object. Throws on malformed JSON.</summary>
    public byte[] Apply(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return json;
        var output = new ArrayBufferWriter<byte>(json.Length);
        using (var writer = new Utf8JsonWriter(output)) CopyObject(ref reader, writer, json);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Copies the object the reader is at (its start), leaving the reader at its end.</summary>
    private void CopyObject(ref Utf8JsonReader reader, Utf8JsonWriter writer, byte[] json)
    {
        writer.WriteStartObject();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var rule = Find(ref reader);
            if (rule is { Remove: true })
            {
                reader.Read();
                reader.Skip();
                continue;
            }
            if (reader.ValueIsEscaped) writer.WritePropertyName(reader.GetString()!);
            else writer.WritePropertyName(reader.ValueSpan);
            reader.Read();
            if (rule?.Inner is { } inner && !rule.IsList && reader.TokenType == JsonTokenType.StartObject)
                inner.CopyObject(ref reader, writer, json);
            else if (rule?.Inner is { } itemRules && rule.IsList && reader.TokenType == JsonTokenType.StartArray)
            {
                writer.WriteStartArray();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    if (reader.TokenType == JsonTokenType.StartObject) itemRules.CopyObject(ref reader, writer, json);
                    else CopyValue(ref reader, writer, json);
                writer.WriteEndArray();
            }
            else CopyValue(ref reader, writer, json);
        }
        writer.WriteEndObject();
    }

    private Rule? Find(ref Utf8JsonReader reader)
    {
        foreach (var rule in _rules)
            if (reader.ValueTextEquals(rule.Name)) return rule;
        return null;
    }

    /// <summary>Copies the value the reader is at, bytes as they are (the reader has checked them while skipping).</summary>
    private static void CopyValue(ref Utf8JsonReader reader, Utf8JsonWriter writer, byte[] json)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        writer.WriteRawValue(json.AsSpan(start, (int)reader.BytesConsumed - start), skipInputValidation: true);
    }
}
