namespace Registry.Read.Progress;

/// <summary><c>after=POSITION</c>: waits until the read models have reached a position the caller has written.</summary>
public static class ReadYourWrites
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(25);

    /// <summary>True once the projections reached <paramref name="position"/>; false if they did not within <paramref name="timeout"/>.</summary>
    public static async Task<bool> WaitForAsync(IProjectionProgress progress, long position, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await progress.PositionAsync(ct) >= position) return true;
            if (DateTime.UtcNow >= deadline) return false;
            await Task.Delay(PollEvery, ct);
        }
    }

    public static long Parse(string? after) =>
        string.IsNullOrWhiteSpace(after) ? 0
        : long.TryParse(after, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p
        : throw new QueryParameterException("after", $"'{after}' is not a log position (a whole number)");
}
