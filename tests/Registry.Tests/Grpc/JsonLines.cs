using System.Text.Json;

namespace Registry.Tests.Grpc;

/// <summary>Reading the lines <c>esdb-client.js</c> prints.</summary>
public static class JsonLines
{
    public static string Kind(this JsonElement line) => line.GetProperty("kind").GetString()!;
    public static string Text(this JsonElement line, string name) => line.GetProperty(name).GetString()!;
    public static long Number(this JsonElement line, string name) => line.GetProperty(name).GetInt64();

    public static IEnumerable<JsonElement> Events(this IEnumerable<JsonElement> lines) => lines.Where(l => l.Kind() == "event");

    /// <summary>The events as "stream/revision@position", the shortest form a spec can compare.</summary>
    public static string[] Places(this IEnumerable<JsonElement> lines) =>
        [.. lines.Events().Select(e => $"{e.Text("stream")}/{e.Number("revision")}@{e.Number("position")}")];

    public static JsonElement Last(this IReadOnlyList<JsonElement> lines) => lines[^1];
}
