namespace Registry.Projections.Runtime;

/// <summary>The states a generation's checkpoint row can be in.</summary>
public static class ProjectionStates
{
    /// <summary>The active generation, applying events as they come.</summary>
    public const string Running = "running";

    /// <summary>A generation being built beside the active one; it becomes active when it has caught up.</summary>
    public const string Rebuilding = "rebuilding";

    /// <summary>An event could not be handled: the generation waits at <c>faulted_position</c> for retry or skip.</summary>
    public const string Faulted = "faulted";

    /// <summary>An active generation whose version is no longer deployed: it serves as it is until its rebuild switches.</summary>
    public const string Superseded = "superseded";

    /// <summary>No process owns the projection (its last owner shut down).</summary>
    public const string Stopped = "stopped";
}
