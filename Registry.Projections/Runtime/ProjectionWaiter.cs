using Dapper;

namespace Registry.Projections.Runtime;

/// <summary>
/// Read-your-writes for the query side: waits until the active generations of the given projections (all registered
/// ones, when none are named) have applied the log up to a position. A projection without a checkpoint yet has not
/// reached it. Woken at once by this process's commits, and polls for other processes'.
/// </summary>
public sealed class ProjectionWaiter(ProjectionDatabase database, IEnumerable<string> registered)
{
    private readonly IReadOnlyList<string> _registered = registered.ToList();

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>True once they reached <paramref name="position"/>; false when <paramref name="timeout"/> passed first
    /// (answer 503 with Retry-After then).</summary>
    public async Task<bool> WaitForPositionAsync(long position, TimeSpan timeout, IReadOnlyCollection<string>? projections = null, CancellationToken ct = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var committed = database.CheckpointCommitted;
                if (await ReachedAsync(position, projections, deadline.Token)) return true;
                await Task.WhenAny(committed, Task.Delay(Poll, deadline.Token));
                deadline.Token.ThrowIfCancellationRequested();
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task<bool> ReachedAsync(long position, IReadOnlyCollection<string>? projections, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var checkpoints = (await connection.QueryAsync<(string Name, long Position)>(
            "SELECT c.name, c.position FROM projection_checkpoints c JOIN projections p ON p.name = c.name AND p.active_generation = c.generation")).ToList();
        var names = projections is { Count: > 0 } ? projections : _registered;
        return names.All(name => checkpoints.Any(c => c.Name == name && c.Position >= position));
    }
}
