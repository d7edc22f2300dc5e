using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using Registry.EventStore;
using Registry.EventStore.Schema;

namespace Registry.Projections.Runtime;

/// <summary>
/// The database the read models live in: the log's own SQLite file or PostgreSQL database. Opens connections for the
/// runtime, brings the runtime's tables up to date, and tells in-process waiters when a checkpoint moved.
/// </summary>
public sealed class ProjectionDatabase
{
    private TaskCompletionSource _committed = NewSignal();

    private ProjectionDatabase(SqlDialect dialect, string connectionString)
    {
        Dialect = dialect;
        ConnectionString = connectionString;
    }

    public SqlDialect Dialect { get; }
    public string ConnectionString { get; }

    /// <summary>Completes at the next checkpoint commit of this process (other processes are seen by polling).</summary>
    public Task CheckpointCommitted => Volatile.Read(ref _committed).Task;

    /// <summary>Opens the runtime on the log at <paramref name="location"/> and applies its numbered scripts.</summary>
    public static async Task<ProjectionDatabase> OpenAsync(EventStoreLocation location, CancellationToken ct = default)
    {
        var database = location.Kind == EventStoreLocation.Postgres
            ? new ProjectionDatabase(SqlDialect.Postgres, location.Connection)
            // A generous busy timeout: SQLite has one writer, shared with the log's appender.
            : new ProjectionDatabase(SqlDialect.Sqlite,
                new SqliteConnectionStringBuilder { DataSource = location.Connection, Pooling = true, DefaultTimeout = 30 }.ToString());
        await using var connection = await database.OpenConnectionAsync(ct);
        var folder = database.Dialect == SqlDialect.Postgres ? "Postgres" : "Sqlite";
        await SchemaMigrator.ApplyAsync(connection,
            SchemaMigrator.LoadScripts(typeof(ProjectionDatabase).Assembly, $"Registry.Projections.Runtime.Scripts.{folder}"),
            "projection_runtime_migrations", database.Dialect == SqlDialect.Postgres ? "SELECT pg_advisory_xact_lock(845002)" : null, ct);
        return database;
    }

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken ct = default)
    {
        DbConnection connection = Dialect == SqlDialect.Postgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>The position of the log's last event.</summary>
    public static Task<long> ReadHeadAsync(DbConnection connection) =>
        connection.QuerySingleAsync<long>("SELECT position FROM log_head WHERE id = 1");

    internal void NotifyCommitted() => Interlocked.Exchange(ref _committed, NewSignal()).TrySetResult();

    public static long NowUs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
