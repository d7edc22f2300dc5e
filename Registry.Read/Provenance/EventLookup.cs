using System.Data.Common;
using Dapper;

namespace Registry.Read.Provenance;

/// <summary>Finds events of the log by id (position, type, stream, recorded time), for explanations and audits.</summary>
public static class EventLookup
{
    public sealed record LoggedEvent(Guid EventId, long Position, string Type, string Stream, DateTimeOffset Recorded);

    public static async Task<IReadOnlyDictionary<Guid, LoggedEvent>> FindAsync(DbConnection connection, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var found = new Dictionary<Guid, LoggedEvent>();
        foreach (var chunk in ids.Distinct().Chunk(200))
        {
            var p = new DynamicParameters();
            // SQLite keeps ids as 16-byte blobs (Guid.ToByteArray), PostgreSQL as uuid.
            var sqlite = connection is Microsoft.Data.Sqlite.SqliteConnection;
            for (var i = 0; i < chunk.Length; i++)
                if (sqlite) p.Add($"e{i}", chunk[i].ToByteArray(), System.Data.DbType.Binary);
                else p.Add($"e{i}", chunk[i]);
            var sql = "SELECT position, event_id, event_type, stream_name, recorded_us FROM events WHERE event_id IN (" +
                      string.Join(", ", chunk.Select((_, i) => $"@e{i}")) + ")";
            await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, p, cancellationToken: ct));
            while (await reader.ReadAsync(ct))
            {
                var e = new LoggedEvent(reader.GetGuid(1), reader.GetInt64(0), reader.GetString(2), reader.GetString(3),
                    DateTimeOffset.UnixEpoch.AddTicks(reader.GetInt64(4) * 10));
                found[e.EventId] = e;
            }
        }
        return found;
    }

    /// <summary>The events recorded in a range of positions (from exclusive, to inclusive), in log order.</summary>
    public static async Task<IReadOnlyList<LoggedEvent>> RangeAsync(DbConnection connection, long fromExclusive, long toInclusive, CancellationToken ct)
    {
        var list = new List<LoggedEvent>();
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            "SELECT position, event_id, event_type, stream_name, recorded_us FROM events WHERE position > @f AND position <= @t ORDER BY position",
            new { f = fromExclusive, t = toInclusive }, cancellationToken: ct));
        while (await reader.ReadAsync(ct))
            list.Add(new LoggedEvent(reader.GetGuid(1), reader.GetInt64(0), reader.GetString(2), reader.GetString(3),
                DateTimeOffset.UnixEpoch.AddTicks(reader.GetInt64(4) * 10)));
        return list;
    }
}
