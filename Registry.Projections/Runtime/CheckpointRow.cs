namespace Registry.Projections.Runtime;

/// <summary>One row of <c>projection_checkpoints</c>: a generation of a projection and how far it got.</summary>
public sealed class CheckpointRow
{
    public string Name { get; set; } = "";
    public long Generation { get; set; }
    public long Version { get; set; }
    public string Tables { get; set; } = "";
    public long Position { get; set; }
    public string State { get; set; } = "";
    public string? Error { get; set; }
    public long? FaultedPosition { get; set; }
    public string? FaultedEventId { get; set; }
    public long CreatedAtUs { get; set; }
    public long MovedAtUs { get; set; }
    public long UpdatedAtUs { get; set; }
}
