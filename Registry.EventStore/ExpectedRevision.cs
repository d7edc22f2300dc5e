namespace Registry.EventStore;

/// <summary>What the writer believes about a stream before appending (EventStoreDB's expected revision).</summary>
public readonly record struct ExpectedRevision
{
    private const long AnyValue = -2, NoStreamValue = -1, StreamExistsValue = -4;

    private ExpectedRevision(long value) => Value = value;

    /// <summary>-2 any, -1 no stream, -4 stream exists, otherwise the exact 0-based revision of the last event.</summary>
    public long Value { get; }

    public static ExpectedRevision Any { get; } = new(AnyValue);
    public static ExpectedRevision NoStream { get; } = new(NoStreamValue);
    public static ExpectedRevision StreamExists { get; } = new(StreamExistsValue);

    public static ExpectedRevision Exact(long revision) =>
        revision >= 0 ? new(revision) : throw new ArgumentOutOfRangeException(nameof(revision), revision, "An exact revision is 0 or more.");

    public bool IsAny => Value == AnyValue;
    public bool IsNoStream => Value == NoStreamValue;
    public bool IsStreamExists => Value == StreamExistsValue;
    public bool IsExact => Value >= 0;

    /// <summary>Whether a stream whose last revision is <paramref name="actual"/> (null: no stream) satisfies this expectation.</summary>
    public bool IsSatisfiedBy(long? actual) => Value switch
    {
        AnyValue => true,
        NoStreamValue => actual is null,
        StreamExistsValue => actual is not null,
        _ => actual == Value,
    };

    public override string ToString() => Value switch
    {
        AnyValue => "any",
        NoStreamValue => "no stream",
        StreamExistsValue => "stream exists",
        _ => Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
