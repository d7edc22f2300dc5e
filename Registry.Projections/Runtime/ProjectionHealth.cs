namespace Registry.Projections.Runtime;

/// <summary>
/// Whether the projections are healthy, judged from the database alone so that it holds across processes: degraded
/// when a generation is faulted, or when its checkpoint has not moved for <see cref="FrozenAfter"/> while events
/// older than that wait for it (a frozen projection otherwise looks healthy: Marten issues 3455 and 4961).
/// </summary>
public static class ProjectionHealth
{
    public static readonly TimeSpan FrozenAfter = TimeSpan.FromSeconds(30);

    public const string Healthy = "healthy", Degraded = "degraded";

    /// <summary>The problems found, one line per generation; none means healthy.</summary>
    public static IReadOnlyList<string> Problems(IEnumerable<ProjectionStatus> statuses, DateTimeOffset now)
    {
        var problems = new List<string>();
        foreach (var s in statuses)
        {
            if (s.State == ProjectionStates.Faulted)
                problems.Add($"{s.Name} (generation {s.Generation}) is faulted at position {s.FaultedPosition}: {s.Error}");
            // A superseded generation is deliberately held while its replacement is built (status shows the rebuild).
            else if (s.State != ProjectionStates.Superseded && s.LagEvents > 0 && s.LagSeconds > FrozenAfter.TotalSeconds
                     && now - s.CheckpointMovedAt > FrozenAfter)
                problems.Add($"{s.Name} (generation {s.Generation}) is frozen at position {s.Checkpoint}: not moved since {s.CheckpointMovedAt:O}, head {s.Head}");
        }
        return problems;
    }
}
