namespace Registry.Projections.Runtime;

/// <summary>
/// One generation of a projection as <c>registry projections status</c> and <c>GET /api/projections</c> show it.
/// Lag in seconds is now minus the recorded time of the first event not yet applied (0 when caught up).
/// </summary>
public sealed record ProjectionStatus(
    string Name,
    long Generation,
    long Version,
    bool Active,
    string State,
    long Checkpoint,
    long Head,
    long LagEvents,
    double LagSeconds,
    string? Owner,
    string? Error,
    long? FaultedPosition,
    string? FaultedEventId,
    DateTimeOffset CheckpointMovedAt,
    DateTimeOffset UpdatedAt,
    bool RebuildRequested);
