using System.Data.Common;
using Dapper;

namespace Registry.Projections.Runtime;

/// <summary>Reads of the runtime's tables, shared by the runner, the status and the operator commands.</summary>
public static class ProjectionCatalog
{
    // Aliased so that Dapper maps them without a global naming setting.
    private const string ProjectionColumns =
        "name AS Name, active_generation AS ActiveGeneration, owner AS Owner, owned_since_us AS OwnedSinceUs, " +
        "rebuild_requested_by AS RebuildRequestedBy, rebuild_requested_at_us AS RebuildRequestedAtUs";

    private const string CheckpointColumns =
        "name AS Name, generation AS Generation, version AS Version, tables AS Tables, position AS Position, state AS State, " +
        "error AS Error, faulted_position AS FaultedPosition, faulted_event_id AS FaultedEventId, created_at_us AS CreatedAtUs, " +
        "moved_at_us AS MovedAtUs, updated_at_us AS UpdatedAtUs";

    public static Task<ProjectionRow?> GetProjectionAsync(DbConnection connection, string name, DbTransaction? tx = null) =>
        connection.QuerySingleOrDefaultAsync<ProjectionRow>($"SELECT {ProjectionColumns} FROM projections WHERE name = @name", new { name }, tx);

    public static async Task<IReadOnlyList<ProjectionRow>> GetProjectionsAsync(DbConnection connection, DbTransaction? tx = null) =>
        (await connection.QueryAsync<ProjectionRow>($"SELECT {ProjectionColumns} FROM projections ORDER BY name", transaction: tx)).AsList();

    /// <summary>The checkpoint rows of one projection (or of all, when <paramref name="name"/> is null), by name and generation.</summary>
    public static async Task<IReadOnlyList<CheckpointRow>> GetCheckpointsAsync(DbConnection connection, string? name = null, DbTransaction? tx = null) =>
        (await connection.QueryAsync<CheckpointRow>(
            $"SELECT {CheckpointColumns} FROM projection_checkpoints {(name is null ? "" : "WHERE name = @name")} ORDER BY name, generation",
            new { name }, tx)).AsList();

    /// <summary>Positions skipped by an operator for this projection and version: a rebuild of the same version skips them too.</summary>
    public static async Task<HashSet<long>> GetSkippedPositionsAsync(DbConnection connection, string name, long version) =>
        (await connection.QueryAsync<long>("SELECT position FROM projection_skips WHERE name = @name AND version = @version", new { name, version })).ToHashSet();
}
