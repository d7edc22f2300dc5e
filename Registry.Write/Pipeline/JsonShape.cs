using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
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

    private static void CheckRecord(JsonElement json, Type type, string prefix, FieldErrors errors)
    {
        var fields = Records.GetOrAdd(type, Describe);
        foreach (var property in json.EnumerateObject())
            if (!fields.Any(f => f.Name == property.Name))
                errors.Add(prefix + property.Name, $"is not a field of {type.Name} (fields: {string.Join(", ", fields.Select(f => f.Name))})");
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

    private static Field[] Describe(Type type)
    {
        var constructor = type.GetConstructors().MaxBy(c => c.GetParameters().Length)!;
        lock (Nullability) // NullabilityInfoContext is not thread-safe
            return constructor.GetParameters().Select(p => new Field(RegistryJson.Options.PropertyNamingPolicy!.ConvertName(p.Name!), p.ParameterType,
                p.HasDefaultValue, Nullability.Create(p).WriteState == NullabilityState.Nullable)).ToArray();
    }
}
