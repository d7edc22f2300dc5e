namespace Registry.EventStore;

/// <summary>The log's limits on one append; breaking one is an <see cref="InvalidAppendException"/> with nothing written.</summary>
public sealed record AppendLimits
{
    public int MaxEventBytes { get; init; } = 1024 * 1024;
    public int MaxEventsPerAppend { get; init; } = 10_000;
    public int MaxStreamNameLength { get; init; } = 200;

    public static AppendLimits Default { get; } = new();
}
