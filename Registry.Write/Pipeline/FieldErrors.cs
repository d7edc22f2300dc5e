namespace Registry.Write.Pipeline;

/// <summary>Collects what is wrong with a command, by JSON path, so that every bad field is reported at once.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string path, string problem)
    {
        if (!_errors.TryGetValue(path, out var list)) _errors[path] = list = [];
        if (!list.Contains(problem)) list.Add(problem);
    }

    /// <summary>Adds <paramref name="problem"/> at <paramref name="path"/> when <paramref name="rule"/> does not hold.</summary>
    public void Require(bool rule, string path, string problem)
    {
        if (!rule) Add(path, problem);
    }

    public bool Has(string path) => _errors.ContainsKey(path);

    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
