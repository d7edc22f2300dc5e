using Dapper;
using Registry.Projections.Runtime;

namespace Registry.Projections.Diagnostics;

/// <summary>One row per stream: its last revision, position and event type, and how many events it has. Lets
/// operators find a stream's latest state without scanning the log.</summary>
public sealed class StreamHeadsProjection : IProjection
{
    public string Name => "stream_heads";
    public int Version => 1;
    public IReadOnlyList<string> Tables { get; } = ["stream_heads"];

    public IReadOnlyList<string> Schema(SqlDialect dialect, Func<string, string> table) =>
    [
        $"CREATE TABLE {table("stream_heads")} (stream_name TEXT PRIMARY KEY, category TEXT NOT NULL, last_revision BIGINT NOT NULL, " +
        "last_position BIGINT NOT NULL, last_event_type TEXT NOT NULL, events BIGINT NOT NULL)",
        $"CREATE INDEX ix_{table("stream_heads")}_category ON {table("stream_heads")} (category)",
    ];

    public async Task HandleAsync(ProjectionBatch batch, CancellationToken ct)
    {
        var table = batch.Table("stream_heads");
        var heads = batch.Events.GroupBy(e => e.StreamName).Select(g =>
        {
            var last = g.MaxBy(e => e.Position)!;
            var dash = last.StreamName.IndexOf('-', StringComparison.Ordinal);
            return new
            {
                stream = last.StreamName, category = dash < 0 ? last.StreamName : last.StreamName[..dash], revision = last.StreamRevision,
                position = last.Position, type = last.EventType, events = (long)g.Count(),
            };
        });
        await batch.Connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO {table} (stream_name, category, last_revision, last_position, last_event_type, events) " +
            "VALUES (@stream, @category, @revision, @position, @type, @events) " +
            $"ON CONFLICT (stream_name) DO UPDATE SET last_revision = excluded.last_revision, last_position = excluded.last_position, " +
            $"last_event_type = excluded.last_event_type, events = {table}.events + excluded.events",
            heads, batch.Transaction, cancellationToken: ct));
    }
}
