using System.Text.RegularExpressions;

namespace Registry.EventStore;

/// <summary>Stream names are <c>{category}-{id}</c>: a category of letters and digits, a dash, and a non-empty id.</summary>
public static partial class StreamName
{
    // \z, not $: '$' also matches before a final newline, which would let "startup-1\n" through.
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*-[^\s\p{C}]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    /// <summary>Null when the name is well formed, otherwise why not.</summary>
    public static string? Problem(string? name, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(name)) return "is empty";
        if (name.Length > maxLength) return $"is longer than {maxLength} characters";
        if (!Shape().IsMatch(name)) return $"'{name}' is not of the form {{category}}-{{id}} (a category of letters, digits or '_', a dash, then an id without spaces)";
        return null;
    }

    public static string Category(string name) => name[..name.IndexOf('-')];
}
