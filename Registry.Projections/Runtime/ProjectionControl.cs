using Dapper;

namespace Registry.Projections.Runtime;

/// <summary>
/// What an operator asks of a projection. Each request is a row change, so it works whether or not a server runs
/// and whichever process owns the projection: the owner sees it within a second (<see cref="ProjectionRunnerOptions.ControlInterval"/>),
/// and a process that takes the projection over later starts from it.
/// </summary>
public static class ProjectionControl
{
    /// <summary>Sets a faulted generation going again from the event it faulted on. Returns what was faulted, or null.</summary>
    public static async Task<CheckpointRow?> RetryAsync(ProjectionDatabase database, string name, CancellationToken ct = default)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var faulted = (await ProjectionCatalog.GetCheckpointsAsync(connection, name, tx)).FirstOrDefault(r => r.State == ProjectionStates.Faulted);
        if (faulted is null) return null;
        await Resume(connection, tx, faulted, faulted.Position);
        await tx.CommitAsync(ct);
        return faulted;
    }

    /// <summary>Records that the event a generation faulted on is skipped (which, by whom, when), and goes on after it.</summary>
    public static async Task<CheckpointRow?> SkipAsync(ProjectionDatabase database, string name, string skippedBy, CancellationToken ct = default)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var faulted = (await ProjectionCatalog.GetCheckpointsAsync(connection, name, tx)).FirstOrDefault(r => r.State == ProjectionStates.Faulted);
        if (faulted is null) return null;
        var eventType = await connection.QuerySingleAsync<string>("SELECT event_type FROM events WHERE position = @position",
            new { position = faulted.FaultedPosition }, tx);
        await connection.ExecuteAsync(
            "INSERT INTO projection_skips (name, generation, version, position, event_id, event_type, error, skipped_by, skipped_at_us) " +
            "VALUES (@Name, @Generation, @Version, @FaultedPosition, @FaultedEventId, @eventType, @Error, @skippedBy, @now)",
            new { faulted.Name, faulted.Generation, faulted.Version, faulted.FaultedPosition, faulted.FaultedEventId, eventType, faulted.Error, skippedBy, now = ProjectionDatabase.NowUs() }, tx);
        await Resume(connection, tx, faulted, faulted.FaultedPosition!.Value);
        await tx.CommitAsync(ct);
        return faulted;
    }

    /// <summary>Asks the owner of the projection to build a new generation beside the active one.</summary>
    public static async Task RequestRebuildAsync(ProjectionDatabase database, string name, string requestedBy, CancellationToken ct = default)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(
            "UPDATE projections SET rebuild_requested_by = @requestedBy, rebuild_requested_at_us = @now WHERE name = @name",
            new { name, requestedBy, now = ProjectionDatabase.NowUs() });
    }

    private static async Task Resume(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, CheckpointRow faulted, long position)
    {
        var active = await connection.QuerySingleAsync<long>("SELECT active_generation FROM projections WHERE name = @Name", faulted, tx);
        await connection.ExecuteAsync(
            "UPDATE projection_checkpoints SET state = @state, position = @position, error = NULL, faulted_position = NULL, faulted_event_id = NULL, " +
            "updated_at_us = @now WHERE name = @Name AND generation = @Generation AND state = @faultedState",
            new
            {
                state = faulted.Generation == active ? ProjectionStates.Running : ProjectionStates.Rebuilding, position, now = ProjectionDatabase.NowUs(),
                faulted.Name, faulted.Generation, faultedState = ProjectionStates.Faulted,
            }, tx);
    }
}
