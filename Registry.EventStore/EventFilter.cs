using System.Text.RegularExpressions;

namespace Registry.EventStore;

/// <summary>
/// Selects events of <c>$all</c> by event type or by stream name, with prefixes or a regular expression
/// (EventStoreDB's server-side filter). Prefixes are applied in SQL; a regex is applied as rows are read.
/// </summary>
public sealed record EventFilter
{
    private EventFilter(FilterTarget target, IReadOnlyList<string> prefixes, Regex? regex)
    {
        Target = target;
        Prefixes = prefixes;
        Regex = regex;
    }

    public FilterTarget Target { get; }
    public IReadOnlyList<string> Prefixes { get; }
    public Regex? Regex { get; }

    public static EventFilter EventTypePrefix(params string[] prefixes) => new(FilterTarget.EventType, Checked(prefixes), null);
    public static EventFilter StreamNamePrefix(params string[] prefixes) => new(FilterTarget.StreamName, Checked(prefixes), null);
    public static EventFilter EventTypeRegex(string pattern) => new(FilterTarget.EventType, [], Compile(pattern));
    public static EventFilter StreamNameRegex(string pattern) => new(FilterTarget.StreamName, [], Compile(pattern));

    /// <summary>Whether the event passes; used for the regex form and by in-memory readers.</summary>
    public bool Matches(string streamName, string eventType)
    {
        var subject = Target == FilterTarget.EventType ? eventType : streamName;
        if (Regex is not null) return Regex.IsMatch(subject);
        foreach (var prefix in Prefixes)
            if (subject.StartsWith(prefix, StringComparison.Ordinal)) return true;
        return false;
    }

    private static string[] Checked(string[] prefixes)
    {
        if (prefixes.Length == 0 || prefixes.Any(string.IsNullOrEmpty))
            throw new ArgumentException("A prefix filter needs at least one non-empty prefix.", nameof(prefixes));
        return prefixes;
    }

    private static Regex Compile(string pattern)
    {
        try { return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)); }
        catch (ArgumentException e) { throw new ArgumentException($"Not a valid regular expression: {e.Message}", nameof(pattern)); }
    }
}
