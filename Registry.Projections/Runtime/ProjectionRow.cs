namespace Registry.Projections.Runtime;

/// <summary>One row of <c>projections</c>: the serving generation, the owner, and a pending rebuild request.</summary>
public sealed class ProjectionRow
{
    public string Name { get; set; } = "";
    public long ActiveGeneration { get; set; }
    public string? Owner { get; set; }
    public long? OwnedSinceUs { get; set; }
    public string? RebuildRequestedBy { get; set; }
    public long? RebuildRequestedAtUs { get; set; }
}
