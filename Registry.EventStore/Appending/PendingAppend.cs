namespace Registry.EventStore.Appending;

/// <summary>An append waiting in the group-commit queue; completed once its batch is durable (or refused).</summary>
internal sealed class PendingAppend(string stream, ExpectedRevision expected, IReadOnlyList<EventData> events, IReadOnlyList<StreamCondition> conditions)
{
    public string Stream { get; } = stream;
    public ExpectedRevision Expected { get; } = expected;
    public IReadOnlyList<EventData> Events { get; } = events;
    public IReadOnlyList<StreamCondition> Conditions { get; } = conditions;

    /// <summary>The stream appended to, then the streams of its conditions: every stream whose revision it depends on.</summary>
    public IEnumerable<string> Streams => Conditions.Count == 0 ? [Stream] : [Stream, .. Conditions.Select(c => c.Stream)];
    public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
