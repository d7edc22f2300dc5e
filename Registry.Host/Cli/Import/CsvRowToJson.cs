using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Registry.Contracts.Common;

namespace Registry.Host.Cli.Import;

/// <summary>
/// A CSV row as a command's JSON body. The header names the fields (camelCase); a nested field is dotted
/// (<c>received.value</c>); a list of texts is separated by ';'; a cell starting with '[' or '{' is JSON; an empty
/// cell leaves the field out. Numbers and booleans are written as such when they parse, otherwise as text, so that
/// validation names the bad field.
/// </summary>
public static class CsvRowToJson
{
    public static JsonObject Convert(string[] header, string[] cells, Type commandType)
    {
        var body = new JsonObject();
        for (var i = 0; i < header.Length && i < cells.Length; i++)
        {
            if (cells[i].Length == 0) continue;
            var path = header[i].Trim().Split('.');
            var target = body;
            var type = commandType;
            for (var p = 0; p < path.Length - 1; p++)
            {
                type = FieldType(type, path[p]) ?? typeof(object);
                if (target[path[p]] is not JsonObject inner) target[path[p]] = inner = new JsonObject();
                target = inner;
            }
            target[path[^1]] = Value(cells[i], FieldType(type, path[^1]));
        }
        return body;
    }

    private static Type? FieldType(Type type, string jsonName) => type.GetConstructors().MaxBy(c => c.GetParameters().Length)?.GetParameters()
        .FirstOrDefault(p => RegistryJson.Options.PropertyNamingPolicy!.ConvertName(p.Name!) == jsonName)?.ParameterType;

    private static JsonNode? Value(string cell, Type? type)
    {
        var t = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if ((cell.StartsWith('[') || cell.StartsWith('{')) && TryParse(cell) is { } json) return json;
        if (t == typeof(int) || t == typeof(long) || t == typeof(decimal))
            return decimal.TryParse(cell, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : JsonValue.Create(cell);
        if (t == typeof(bool)) return bool.TryParse(cell, out var flag) ? JsonValue.Create(flag) : JsonValue.Create(cell);
        if (t == typeof(IReadOnlyList<string>))
            return new JsonArray(cell.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
        return JsonValue.Create(cell);
    }

    private static JsonNode? TryParse(string cell)
    {
        try { return JsonNode.Parse(cell); }
        catch (JsonException) { return null; }
    }
}
