using System.Data.Common;
using Registry.Contracts.Corrections;
using Registry.EventStore;
using Registry.Projections.Runtime;

namespace Registry.Projections.Common;

/// <summary>
/// The facts of one stream as they stand at a position, corrections applied: a corrected fact carries its latest
/// replacement payload, a retracted one is gone. Read from the log itself, which lives in the same database.
/// </summary>
public static class StreamHistory
{
    public static async Task<IReadOnlyList<EffectiveFact>> EffectiveAsync(
        DbConnection connection, DbTransaction transaction, string stream, long upToPosition, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = "SELECT position, stream_name, event_id, event_type, data FROM events WHERE stream_name = @s AND position <= @p ORDER BY position";
        Add(cmd, "s", stream);
        Add(cmd, "p", upToPosition);
        return Effective(await ReadAsync(cmd, ct), upToPosition);
    }

    /// <summary>
    /// What <see cref="EffectiveAsync"/> gives at each correction among <paramref name="events"/>, for the streams they
    /// correct, read in one query on <paramref name="connection"/> (which may be another than the writer's: the log
    /// below the page is committed and never changes). Keyed by stream and the correction's position; a correction
    /// whose history cannot be decoded is left out, to fail where a projection reads it.
    /// </summary>
    public static async Task<Dictionary<(string Stream, long Position), IReadOnlyList<EffectiveFact>>> AtCorrectionsAsync(
        DbConnection connection, SqlDialect dialect, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        var corrections = events.Where(e => e.EventType is nameof(FactCorrected) or nameof(FactRetracted)).ToList();
        var histories = new Dictionary<(string, long), IReadOnlyList<EffectiveFact>>();
        if (corrections.Count == 0) return histories;
        var streams = corrections.Select(c => c.StreamName).Distinct().ToArray();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT position, stream_name, event_id, event_type, data FROM events WHERE " +
                          (dialect == SqlDialect.Postgres ? "stream_name = ANY(@s)" : "stream_name IN (SELECT value FROM json_each(@s))") +
                          " AND position <= @p ORDER BY position";
        Add(cmd, "s", dialect == SqlDialect.Postgres ? streams : System.Text.Json.JsonSerializer.Serialize(streams));
        Add(cmd, "p", corrections[^1].Position);
        var byStream = (await ReadAsync(cmd, ct)).GroupBy(r => r.Stream).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var correction in corrections)
            try
            {
                histories[(correction.StreamName, correction.Position)] = Effective(byStream[correction.StreamName], correction.Position);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException or ArgumentException) { }
        return histories;
    }

    private static async Task<List<StoredFact>> ReadAsync(DbCommand cmd, CancellationToken ct)
    {
        var rows = new List<StoredFact>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new StoredFact(reader.GetInt64(0), reader.GetString(1), reader.GetGuid(2), reader.GetString(3), (byte[])reader.GetValue(4)));
        return rows;
    }

    /// <summary>The stream's facts up to <paramref name="upToPosition"/> (its rows in position order), corrections applied.</summary>
    private static List<EffectiveFact> Effective(List<StoredFact> rows, long upToPosition)
    {
        var facts = new List<EffectiveFact>();
        foreach (var row in rows)
        {
            if (row.Position > upToPosition) break;
            switch (EventDecoder.Decode(row.Type, row.Data))
            {
                case FactCorrected c:
                    var i = facts.FindIndex(f => f.EventId == c.CorrectedEventId || f.RevisedBy == c.CorrectedEventId);
                    if (i >= 0) facts[i] = facts[i] with { RevisedBy = row.EventId, Data = EventDecoder.Decode(facts[i].Type, c.Replacement) };
                    break;
                case FactRetracted r:
                    facts.RemoveAll(f => f.EventId == r.RetractedEventId || f.RevisedBy == r.RetractedEventId);
                    break;
                case var data:
                    facts.Add(new EffectiveFact(row.EventId, null, row.Type, data));
                    break;
            }
        }
        return facts;
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    private sealed record StoredFact(long Position, string Stream, Guid EventId, string Type, byte[] Data);
}
