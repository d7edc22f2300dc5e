namespace Registry.EventStore;

/// <summary>The stream was not where the writer expected it; nothing was written.</summary>
public sealed class WrongExpectedRevisionException(string stream, ExpectedRevision expected, long? actual, string? conditionOf = null)
    : Exception((conditionOf is null ? $"Append to '{stream}'" : $"Append to '{conditionOf}' on condition that '{stream}'") +
                $" expected revision {expected} but the stream is at {(actual is null ? "no stream" : actual.ToString())}.")
{
    public string Stream { get; } = stream;
    public ExpectedRevision Expected { get; } = expected;

    /// <summary>The stream's last revision, or null when the stream does not exist.</summary>
    public long? Actual { get; } = actual;
}
