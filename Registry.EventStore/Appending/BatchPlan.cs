namespace Registry.EventStore.Appending;

/// <summary>What one group commit writes, and the answer each append gets once it is durable.</summary>
internal sealed class BatchPlan
{
    public List<NewEventRow> Rows { get; } = [];
    public List<(PendingAppend Append, AppendResult? Result, Exception? Error)> Outcomes { get; } = [];
    public LogHead Head { get; set; }

    /// <summary>Answers every append of the batch: its result or its refusal.</summary>
    public void Complete()
    {
        foreach (var (append, result, error) in Outcomes)
        {
            if (error is not null) append.Completion.TrySetException(error);
            else append.Completion.TrySetResult(result!);
        }
    }

    /// <summary>The batch committed but its durability is unknown: every append that would have succeeded gets
    /// <paramref name="error"/> (retrying it with the same event ids is answered idempotently); refusals stand.</summary>
    public void Fail(Exception error)
    {
        foreach (var (append, _, refusal) in Outcomes) append.Completion.TrySetException(refusal ?? error);
    }
}
