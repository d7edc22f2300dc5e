using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Registry.Contracts.Common;

namespace Registry.Write.Pipeline;

/// <summary>
/// Checks a JSON body against a command's record before deserializing it, so that every missing field, wrong type,
/// unknown field and bad enum name is reported at once (the serializer stops at the first). Field names are camelCase.
/// </summary>
public static class JsonShape
{
    private sealed record Field(string Name, Type Type, bool Optional, bool Nullable);

    private static readonly ConcurrentDictionary<Type, Field[]> Records = new();
    private static readonly NullabilityInfoContext Nullability = new();

    /// <param name="path">Where <paramref name="body"/> is (a correction's "replacement"); empty for a whole body.</param>
    public static void Check(JsonElement body, Type type, FieldErrors errors, string path = "")
    {
        if (body.ValueKind != JsonValueKind.Object) errors.Add(path, $"must be a JSON object with the fields of {type.Name}");
        else CheckRecord(body, type, path.Length == 0 ? "" : path + ".", errors);
    }

    /// <summary>
    /// The body with every nullable field it leaves out written as null: a client may omit what it does not know,
    /// while the serializer requires every constructor parameter. Only call it on a body that passed <see cref="Check"/>.
    /// </summary>
    public static JsonElement Complete(JsonElement body, Type type)
    {
        if (!Incomplete(body, type)) return body;
        var node = JsonNode.Parse(body.GetRawText())!;
        Fill(node, type);
        return JsonSerializer.SerializeToElement(node);
    }

    /// <summary>Whether the body gives every field, nullable ones included (a correction's replacement must: it is stored as given).</summary>
    public static bool IsComplete(JsonElement body, Type type) => !Incomplete(body, type);

    private static bool Incomplete(JsonElement json, Type type)
    {
        var record = RecordType(type);
        if (record is null) return false;
        if (json.ValueKind == JsonValueKind.Array) return json.EnumerateArray().Any(item => Incomplete(item, record));
        if (json.ValueKind != JsonValueKind.Object) return false;
        foreach (var field in Records.GetOrAdd(record, Describe))
        {
            if (!json.TryGetProperty(field.Name, out var value)) { if (field.Nullable && !field.Optional) return true; }
            else if (Incomplete(value, field.Type)) return true;
        }
        return false;
    }

    private static void Fill(JsonNode? node, Type type)
    {
        var record = RecordType(type);
        if (record is null) return;
        if (node is JsonArray array) { foreach (var item in array) Fill(item, record); return; }
        if (node is not JsonObject o) return;
        foreach (var field in Records.GetOrAdd(record, Describe))
        {
            if (!o.ContainsKey(field.Name)) { if (field.Nullable && !field.Optional) o[field.Name] = null; }
            else Fill(o[field.Name], field.Type);
        }
    }

    /// <summary>The record a field holds, directly or as list items; null for values.</summary>
    private static Type? RecordType(Type type)
    {
        var t = System.Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)) t = t.GetGenericArguments()[0];
        return t.IsClass && t != typeof(string) && t.Namespace?.StartsWith("Registry.Contracts", StringComparison.Ordinal) == true ? t : null;
    }

    private static void CheckRecord(JsonElement json, Type type, string prefix, FieldErrors errors)
    {
        var fields = Records.GetOrAdd(type, Describe);
        foreach (var property in json.EnumerateObject())
        {
            if (!IsText(() => property.Name))
            {
                errors.Add(prefix.TrimEnd('.'), $"has a field name that {NotText}");
                continue;
            }
            if (!fields.Any(f => f.Name == property.Name))
                errors.Add(prefix + property.Name, $"is not a field of {type.Name} (fields: {string.Join(", ", fields.Select(f => f.Name))})");
        }
        foreach (var field in fields)
        {
            var path = prefix + field.Name;
            if (!json.TryGetProperty(field.Name, out var value))
            {
                if (!field.Optional && !field.Nullable) errors.Add(path, "is required");
                continue;
            }
            CheckValue(value, field.Type, field.Nullable, path, errors);
        }
    }

    private static void CheckValue(JsonElement value, Type type, bool nullable, string path, FieldErrors errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!nullable) errors.Add(path, "must not be null");
            return;
        }
        if (value.ValueKind == JsonValueKind.String && !IsText(() => value.GetString()))
        {
            errors.Add(path, NotText);
            return;
        }
        var underlying = System.Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(JsonElement)) return;
        if (underlying == typeof(string)) Expect(value.ValueKind == JsonValueKind.String, "must be a string");
        else if (underlying == typeof(bool)) Expect(value.ValueKind is JsonValueKind.True or JsonValueKind.False, "must be true or false");
        else if (underlying == typeof(int)) Expect(value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _), "must be a whole number");
        else if (underlying == typeof(long)) Expect(value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _), "must be a whole number");
        else if (underlying == typeof(decimal)) Expect(value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out _), "must be a number");
        else if (underlying == typeof(Guid)) Expect(value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out _), "must be a UUID");
        else if (underlying == typeof(DateOnly))
            Expect(value.ValueKind == JsonValueKind.String &&
                   DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                "must be a date written yyyy-MM-dd");
        else if (underlying.IsEnum)
        {
            var names = Enum.GetNames(underlying).Select(n => RegistryJson.Options.PropertyNamingPolicy!.ConvertName(n)).ToList();
            Expect(value.ValueKind == JsonValueKind.String && names.Contains(value.GetString()!), $"must be one of: {string.Join(", ", names)}");
        }
        else if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            if (value.ValueKind != JsonValueKind.Array) { errors.Add(path, "must be a JSON array"); return; }
            var item = underlying.GetGenericArguments()[0];
            var i = 0;
            foreach (var element in value.EnumerateArray()) CheckValue(element, item, false, $"{path}[{i++}]", errors);
        }
        else if (value.ValueKind != JsonValueKind.Object) errors.Add(path, $"must be a JSON object ({underlying.Name})");
        else CheckRecord(value, underlying, path + ".", errors);

        void Expect(bool ok, string problem)
        {
            if (!ok) errors.Add(path, problem);
        }
    }

    private const string NotText = "is not valid text: it must be UTF-8, with no unpaired surrogate escape (\\ud800 to \\udfff)";

    /// <summary>
    /// Whether a JSON string decodes: the parser checks the document's structure, not the bytes inside strings, so
    /// invalid UTF-8 or an unpaired surrogate escape shows only when the text is read (as an exception).
    /// </summary>
    private static bool IsText(Func<string?> read)
    {
        try
        {
            read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static Field[] Describe(Type type)
    {
        var constructor = type.GetConstructors().MaxBy(c => c.GetParameters().Length)!;
        lock (Nullability) // NullabilityInfoContext is not thread-safe
            return constructor.GetParameters().Select(p => new Field(RegistryJson.Options.PropertyNamingPolicy!.ConvertName(p.Name!), p.ParameterType,
                p.HasDefaultValue, Nullability.Create(p).WriteState == NullabilityState.Nullable)).ToArray();
    }
}
