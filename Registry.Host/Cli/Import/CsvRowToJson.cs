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
/// validation names the bad field. A number is digits with '.' as the decimal point: one written with separators
/// (10.000, 1,5, 1.500,5) is refused, naming the field, since a Vietnamese sheet and an English one read it apart.
/// </summary>
public static partial class CsvRowToJson
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
            target[path[^1]] = Value(cells[i], FieldType(type, path[^1]), header[i].Trim());
        }
        return body;
    }

    private static Type? FieldType(Type type, string jsonName) => type.GetConstructors().MaxBy(c => c.GetParameters().Length)?.GetParameters()
        .FirstOrDefault(p => RegistryJson.Options.PropertyNamingPolicy!.ConvertName(p.Name!) == jsonName)?.ParameterType;

    private static JsonNode? Value(string cell, Type? type, string field)
    {
        var t = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if ((cell.StartsWith('[') || cell.StartsWith('{')) && TryParse(cell) is { } json) return json;
        if (t == typeof(int) || t == typeof(long) || t == typeof(decimal))
        {
            var text = cell.Trim();
            if (Separated().IsMatch(text))
                throw new FormatException($"{field}: '{cell}' has separators a reader can take either way (ten thousand or ten?): " +
                                          "write digits only, with '.' for a decimal point (10000, 12.5)");
            return PlainNumber().IsMatch(text) && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                ? JsonValue.Create(number) : JsonValue.Create(cell);
        }
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

    /// <summary>Digits with '.' or ',' between groups of three (10.000, 1,500), or a decimal comma (1,5).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^-?([1-9][0-9]{0,2}([.,][0-9]{3})+([.,][0-9]+)?|[0-9]+,[0-9]+)$")]
    private static partial System.Text.RegularExpressions.Regex Separated();

    [System.Text.RegularExpressions.GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?$")]
    private static partial System.Text.RegularExpressions.Regex PlainNumber();
}
