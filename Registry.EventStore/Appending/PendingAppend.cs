namespace Registry.EventStore.Appending;

/// <summary>An append waiting in the group-commit queue; completed once its batch is durable (or refused).</summary>
internal sealed class PendingAppend(string stream, ExpectedRevision expected, IReadOnlyList<EventData> events)
{
    public string Stream { get; } = stream;
    public ExpectedRevision Expected { get; } = expected;
    public IReadOnlyList<EventData> Events { get; } = events;
    public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
