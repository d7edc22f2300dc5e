namespace Registry.Read.Progress;

/// <summary><c>after=POSITION</c>: read-your-writes; the projection runtime's waiter does the waiting.</summary>
public static class ReadYourWrites
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    public static long Parse(string? after) =>
        string.IsNullOrWhiteSpace(after) ? 0
        : long.TryParse(after, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p
        : throw new QueryParameterException("after", $"'{after}' is not a log position (a whole number)");
}
