namespace Registry.Projections.Runtime;

/// <summary>
/// Ownership of one projection by one process at a time. The lease only keeps two owners from doing the work twice;
/// correctness does not rest on it: every checkpoint write is fenced by the position it read, so a stale owner's
/// transaction is rolled back.
/// </summary>
public interface IProjectionLease : IAsyncDisposable
{
    /// <summary>True when this process now owns the projection. Call again after a release or a loss.</summary>
    Task<bool> TryAcquireAsync(CancellationToken ct);

    /// <summary>Cancelled when ownership is lost (connection dropped, lease expired or taken).</summary>
    CancellationToken Lost { get; }

    /// <summary>Gives ownership up so that another process can take over at once.</summary>
    Task ReleaseAsync();
}
