using Microsoft.Data.Sqlite;
using Registry.EventStore;

namespace Registry.Host.Cli.Bench;

/// <summary>
/// The raw baselines on SQLite: WAL with <c>synchronous=FULL</c> like the adapter, a prepared INSERT per row.
/// SQLite has one writer at a time, so the writers take turns on an in-process lock (as any bare SQLite application
/// would) instead of spinning on SQLITE_BUSY; each still commits, and fsyncs, its own transaction.
/// </summary>
public sealed class SqliteRawTable : IRawTable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly SqliteConnection[] _connections;
    private readonly string _insert;

    private SqliteRawTable(SqliteConnection[] connections, string insert)
    {
        _connections = connections;
        _insert = insert;
    }

    public static async Task<SqliteRawTable> OpenAsync(string path, int writers, RawTableKind kind)
    {
        var connections = new SqliteConnection[writers];
        for (var w = 0; w < writers; w++)
        {
            connections[w] = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            await connections[w].OpenAsync();
            await Execute(connections[w], "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
        }
        // Made anew for each run: a run on a database measured before starts from the same empty table, and its
        // streams' revisions (numbered from 0 by the workload) do not collide with the last run's.
        var (create, insert) = kind == RawTableKind.Bare
            ? ("DROP TABLE IF EXISTS raw_events; CREATE TABLE raw_events (stream_name TEXT, stream_revision INTEGER, event_id BLOB, event_type TEXT, data BLOB, metadata BLOB)",
               "INSERT INTO raw_events VALUES (@s, @r, @id, @t, @d, @m)")
            : ("DROP TABLE IF EXISTS raw_reference_events; CREATE TABLE raw_reference_events (global_position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, " +
               "stream_version INTEGER NOT NULL, event_id BLOB NOT NULL, event_type TEXT NOT NULL, payload TEXT NOT NULL, metadata TEXT NOT NULL, " +
               "created TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP, UNIQUE (stream_id, stream_version))",
               "INSERT INTO raw_reference_events (stream_id, stream_version, event_id, event_type, payload, metadata) " +
               "VALUES (@s, @r, @id, @t, CAST(@d AS TEXT), CAST(@m AS TEXT))");
        await Execute(connections[0], create);
        return new SqliteRawTable(connections, insert);
    }

    public async Task InsertAsync(int writer, string stream, long firstRevision, IReadOnlyList<EventData> events)
    {
        var connection = _connections[writer];
        await _writeLock.WaitAsync();
        try
        {
            await using var tx = connection.BeginTransaction(deferred: false);
            await using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = _insert;
            var s = insert.Parameters.Add("@s", SqliteType.Text);
            var r = insert.Parameters.Add("@r", SqliteType.Integer);
            var id = insert.Parameters.Add("@id", SqliteType.Blob);
            var t = insert.Parameters.Add("@t", SqliteType.Text);
            var d = insert.Parameters.Add("@d", SqliteType.Blob);
            var m = insert.Parameters.Add("@m", SqliteType.Blob);
            insert.Prepare();
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                s.Value = stream; r.Value = firstRevision + i; id.Value = e.EventId; t.Value = e.EventType; d.Value = e.Data.ToArray(); m.Value = e.Metadata.ToArray();
                await insert.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in _connections) await c.DisposeAsync();
        _writeLock.Dispose();
    }
}
