using System.Data.Common;
using Registry.Contracts.Corrections;
using Registry.EventStore;

namespace Registry.Projections.Common;

/// <summary>
/// The facts of one stream as they stand at a position, corrections applied: a corrected fact carries its latest
/// replacement payload, a retracted one is gone. Read from the log itself, which lives in the same database.
/// </summary>
public static class StreamHistory
{
    public static async Task<IReadOnlyList<(Guid EventId, Guid? RevisedBy, string Type, Contracts.Common.IRegistryEvent Data)>> EffectiveAsync(
        DbConnection connection, DbTransaction transaction, string stream, long upToPosition, CancellationToken ct)
    {
        var facts = new List<(Guid EventId, Guid? RevisedBy, string Type, Contracts.Common.IRegistryEvent Data)>();
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = "SELECT event_id, event_type, data FROM events WHERE stream_name = @s AND position <= @p ORDER BY position";
        Add(cmd, "s", stream);
        Add(cmd, "p", upToPosition);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetGuid(0);
            var type = reader.GetString(1);
            var data = EventDecoder.Decode(type, (byte[])reader.GetValue(2));
            switch (data)
            {
                case FactCorrected c:
                    var i = facts.FindIndex(f => f.EventId == c.CorrectedEventId || f.RevisedBy == c.CorrectedEventId);
                    if (i >= 0) facts[i] = (facts[i].EventId, id, facts[i].Type, EventDecoder.Decode(facts[i].Type, c.Replacement));
                    break;
                case FactRetracted r:
                    facts.RemoveAll(f => f.EventId == r.RetractedEventId || f.RevisedBy == r.RetractedEventId);
                    break;
                default:
                    facts.Add((id, null, type, data));
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
}
