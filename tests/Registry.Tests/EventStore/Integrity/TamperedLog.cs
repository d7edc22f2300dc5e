using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Registry.EventStore;
using Registry.EventStore.Integrity;

namespace Registry.Tests.EventStore.Integrity;

/// <summary>Someone with direct access to the database: lifts the immutability triggers and edits rows with SQL.</summary>
public sealed class TamperedLog(EventStoreLocation location)
{
    public async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = location.Kind == EventStoreLocation.Sqlite
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = location.Connection, Pooling = false }.ToString())
            : new NpgsqlConnection(location.Connection);
        await connection.OpenAsync();
        await ExecuteOn(connection, location.Kind == EventStoreLocation.Sqlite
            ? "DROP TRIGGER IF EXISTS events_are_immutable; DROP TRIGGER IF EXISTS events_are_never_deleted;"
            : "DROP TRIGGER IF EXISTS events_are_immutable ON events; DROP TRIGGER IF EXISTS events_are_never_truncated ON events;");
        return connection;
    }

    public async Task Execute(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await ExecuteOn(connection, sql, parameters);
    }

    public async Task<byte[]> Data(long position)
    {
        await using var connection = await OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT data FROM events WHERE position = {position}";
        return (byte[])(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>What a careful forger does after editing: recompute every hash from <paramref name="from"/> on, and the head.</summary>
    public async Task RecomputeChainFrom(SqlEventStore store, long from)
    {
        var previous = EventHash.Genesis;
        var rows = new List<(long Position, byte[] Hash)>();
        await foreach (var e in store.ScanAsync(1, long.MaxValue))
        {
            var hash = e.Position < from ? e.Hash : EventHash.Compute(previous, e);
            if (e.Position >= from) rows.Add((e.Position, hash));
            previous = hash;
        }
        await using var connection = await OpenAsync();
        foreach (var (position, hash) in rows)
            await ExecuteOn(connection, $"UPDATE events SET hash = @h WHERE position = {position}", ("h", hash));
        await ExecuteOn(connection, "UPDATE log_head SET position = (SELECT max(position) FROM events), hash = @h", ("h", previous));
    }

    private static async Task ExecuteOn(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        await cmd.ExecuteNonQueryAsync();
    }
}
