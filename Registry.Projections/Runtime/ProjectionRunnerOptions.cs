namespace Registry.Projections.Runtime;

/// <summary>Tuning of the runner; the defaults suit both adapters.</summary>
public sealed record ProjectionRunnerOptions
{
    /// <summary>Most events handed to a projection in one batch (and one transaction).</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>How often an owner looks for operator requests, and a standby process tries to take a lease.</summary>
    public TimeSpan ControlInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Pause before trying again after the runtime itself failed (e.g. the database went away).</summary>
    public TimeSpan RetryAfterFailure { get; init; } = TimeSpan.FromSeconds(2);
}
