using System.Data.Common;
using Dapper;

namespace Registry.Projections.Runtime;

/// <summary>
/// Creates, activates and drops the tables of one generation. Every method runs in the caller's transaction:
/// PostgreSQL and SQLite both have transactional DDL, so a generation switch is atomic for readers of the views.
/// </summary>
internal static class GenerationSchema
{
    /// <summary>Creates the generation's tables and its checkpoint row at position 0.</summary>
    public static async Task CreateAsync(DbConnection connection, DbTransaction tx, SqlDialect dialect, IProjection projection,
        long generation, string state, long nowUs)
    {
        foreach (var table in projection.Tables)
            await connection.ExecuteAsync($"DROP TABLE IF EXISTS {ProjectionBatch.TableName(table, (int)generation)}", transaction: tx);
        Func<string, string> physical = table => ProjectionBatch.TableName(table, (int)generation);
        foreach (var ddl in projection.Schema(dialect, physical).Concat(projection.QueryIndexes(dialect, physical)))
            await connection.ExecuteAsync(ddl, transaction: tx);
        await connection.ExecuteAsync(
            "INSERT INTO projection_checkpoints (name, generation, version, tables, position, state, created_at_us, moved_at_us, updated_at_us) " +
            "VALUES (@name, @generation, @version, @tables, 0, @state, @now, @now, @now)",
            new { name = projection.Name, generation, version = (long)projection.Version, tables = string.Join(',', projection.Tables), state, now = nowUs }, tx);
    }

    /// <summary>Points the stable views at <paramref name="next"/> (dropping views of tables it no longer has) and records it as active.</summary>
    public static async Task ActivateAsync(DbConnection connection, DbTransaction tx, string name, CheckpointRow? previous, CheckpointRow next)
    {
        var nextTables = Split(next.Tables);
        var views = previous is null ? nextTables : Split(previous.Tables).Union(nextTables);
        foreach (var view in views) await connection.ExecuteAsync($"DROP VIEW IF EXISTS {view}", transaction: tx);
        foreach (var table in nextTables)
            await connection.ExecuteAsync($"CREATE VIEW {table} AS SELECT * FROM {ProjectionBatch.TableName(table, (int)next.Generation)}", transaction: tx);
        await connection.ExecuteAsync("UPDATE projections SET active_generation = @generation WHERE name = @name",
            new { name, generation = next.Generation }, tx);
    }

    /// <summary>Drops a generation's tables and its checkpoint row.</summary>
    public static async Task DropAsync(DbConnection connection, DbTransaction tx, CheckpointRow row)
    {
        foreach (var table in Split(row.Tables))
            await connection.ExecuteAsync($"DROP TABLE IF EXISTS {ProjectionBatch.TableName(table, (int)row.Generation)}", transaction: tx);
        await connection.ExecuteAsync("DELETE FROM projection_checkpoints WHERE name = @Name AND generation = @Generation", row, tx);
    }

    private static string[] Split(string tables) => tables.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
