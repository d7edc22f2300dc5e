using Npgsql;
using Registry.EventStore;

namespace Registry.Host.Cli.Bench;

/// <summary>
/// The raw baselines on PostgreSQL: one connection per writer, each call one batch of INSERTs sent in a single round
/// trip, which PostgreSQL runs as one implicit transaction with a durable commit.
/// </summary>
public sealed class PostgresRawTable : IRawTable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlConnection[] _connections;
    private readonly string _insert;

    private PostgresRawTable(NpgsqlDataSource dataSource, NpgsqlConnection[] connections, string insert)
    {
        _dataSource = dataSource;
        _connections = connections;
        _insert = insert;
    }

    public static async Task<PostgresRawTable> OpenAsync(string connectionString, int writers, RawTableKind kind)
    {
        // Prepared statements, as the adapter uses them.
        var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 32 }.ConnectionString);
        var connections = new NpgsqlConnection[writers];
        for (var w = 0; w < writers; w++) connections[w] = await dataSource.OpenConnectionAsync();
        // Made anew for each run: a run on a database measured before starts from the same empty table, and its
        // streams' revisions (numbered from 0 by the workload) do not collide with the last run's.
        var (create, insert) = kind == RawTableKind.Bare
            ? ("DROP TABLE IF EXISTS raw_events; CREATE TABLE raw_events (stream_name text, stream_revision bigint, event_id uuid, event_type text, data bytea, metadata bytea)",
               "INSERT INTO raw_events VALUES ($1, $2, $3, $4, $5, $6)")
            : ("DROP TABLE IF EXISTS raw_reference_events; CREATE TABLE raw_reference_events (global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, " +
               "stream_id text NOT NULL, stream_version int NOT NULL, event_id uuid NOT NULL, event_type text NOT NULL, payload jsonb NOT NULL, " +
               "metadata jsonb NOT NULL, created timestamptz NOT NULL DEFAULT now(), UNIQUE (stream_id, stream_version))",
               "INSERT INTO raw_reference_events (stream_id, stream_version, event_id, event_type, payload, metadata) " +
               "VALUES ($1, $2, $3, $4, convert_from($5, 'UTF8')::jsonb, convert_from($6, 'UTF8')::jsonb)");
        await using (var command = new NpgsqlCommand(create, connections[0])) await command.ExecuteNonQueryAsync();
        return new PostgresRawTable(dataSource, connections, insert);
    }

    public async Task InsertAsync(int writer, string stream, long firstRevision, IReadOnlyList<EventData> events)
    {
        await using var batch = new NpgsqlBatch(_connections[writer]);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var insert = new NpgsqlBatchCommand(_insert);
            insert.Parameters.Add(new NpgsqlParameter { Value = stream });
            insert.Parameters.Add(new NpgsqlParameter { Value = firstRevision + i });
            insert.Parameters.Add(new NpgsqlParameter { Value = e.EventId });
            insert.Parameters.Add(new NpgsqlParameter { Value = e.EventType });
            insert.Parameters.Add(new NpgsqlParameter { Value = e.Data.ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = e.Metadata.ToArray() });
            batch.BatchCommands.Add(insert);
        }
        await batch.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in _connections) await c.DisposeAsync();
        await _dataSource.DisposeAsync();
    }
}
