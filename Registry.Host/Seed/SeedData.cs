using System.Reflection;
using System.Text.Json;

namespace Registry.Host.Seed;

/// <summary>
/// The seed facts, embedded in the executable as JSON Lines (<c>Seed/Facts/NNN_topic.jsonl</c>): files in name order,
/// lines in file order, which puts every fact after the facts it depends on.
/// </summary>
public static class SeedData
{
    private const string ResourcePrefix = "seed/";
    private static readonly HashSet<string> Members = ["key", "command", "body", "corrects"];

    public static IReadOnlyList<SeedLine> Load()
    {
        var assembly = typeof(SeedData).Assembly;
        var lines = new List<SeedLine>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            lines.AddRange(Parse(resource[ResourcePrefix.Length..], Read(assembly, resource)));
        return lines;
    }

    public static IEnumerable<SeedLine> Parse(string file, string text)
    {
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            if (raw.Trim().Length == 0) continue;
            yield return ParseLine(file, number, raw);
        }
    }

    private static SeedLine ParseLine(string file, int number, string raw)
    {
        using var document = JsonDocument.Parse(raw);
        var root = document.RootElement;
        var unknown = root.EnumerateObject().Select(p => p.Name).Where(n => !Members.Contains(n)).ToList();
        if (unknown.Count > 0) throw new FormatException($"{file}:{number}: unknown member(s) {string.Join(", ", unknown)}");
        string Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0
            ? value.GetString()! : throw new FormatException($"{file}:{number}: '{name}' must be a non-empty string");
        if (!root.TryGetProperty("body", out var body) || body.ValueKind != JsonValueKind.Object)
            throw new FormatException($"{file}:{number}: 'body' must be an object");
        var corrects = root.TryGetProperty("corrects", out _) ? Text("corrects") : null;
        return new SeedLine(file, number, Text("key"), Text("command"), body.Clone(), corrects);
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd();
    }
}
