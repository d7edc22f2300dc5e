using Npgsql;
using Registry.EventStore;

namespace Registry.Host.Cli.Bench;

/// <summary>
/// The bare-table baseline on PostgreSQL: one connection per writer, each call one batch of INSERTs sent in a single
/// round trip, which PostgreSQL runs as one implicit transaction with a durable commit.
/// </summary>
public sealed class PostgresRawTable : IRawTable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlConnection[] _connections;

    private PostgresRawTable(NpgsqlDataSource dataSource, NpgsqlConnection[] connections)
    {
        _dataSource = dataSource;
        _connections = connections;
    }

    public static async Task<PostgresRawTable> OpenAsync(string connectionString, int writers)
    {
        // Prepared statements, as the adapter uses them.
        var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 32 }.ConnectionString);
        var connections = new NpgsqlConnection[writers];
        for (var w = 0; w < writers; w++) connections[w] = await dataSource.OpenConnectionAsync();
        await using (var create = new NpgsqlCommand(
            "CREATE TABLE IF NOT EXISTS raw_events (stream_name text, stream_revision bigint, event_id uuid, event_type text, data bytea, metadata bytea)", connections[0]))
            await create.ExecuteNonQueryAsync();
        return new PostgresRawTable(dataSource, connections);
    }

    public async Task InsertAsync(int writer, string stream, long firstRevision, IReadOnlyList<EventData> events)
    {
        await using var batch = new NpgsqlBatch(_connections[writer]);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var insert = new NpgsqlBatchCommand("INSERT INTO raw_events VALUES ($1, $2, $3, $4, $5, $6)");
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
