namespace Registry.EventStore.Appending;

/// <summary>What one group commit writes, and the answer each append gets once it is durable.</summary>
internal sealed class BatchPlan
{
    public List<NewEventRow> Rows { get; } = [];
    public List<(PendingAppend Append, AppendResult? Result, Exception? Error)> Outcomes { get; } = [];
    public LogHead Head { get; set; }
}
