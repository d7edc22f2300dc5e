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

    // Through the batch's prepared statements: executed row by row through Dapper, every stream of a batch cost a
    // statement prepared anew and, on PostgreSQL, a round trip of its own (most of a rebuild's million events).
    private static readonly GenerationSql UpsertHead = new(t =>
        $"INSERT INTO {t("stream_heads")} (stream_name, category, last_revision, last_position, last_event_type, events) " +
        "VALUES (@stream, @category, @revision, @position, @type, @events) " +
        "ON CONFLICT (stream_name) DO UPDATE SET last_revision = excluded.last_revision, last_position = excluded.last_position, " +
        $"last_event_type = excluded.last_event_type, events = {t("stream_heads")}.events + excluded.events");

    public async Task HandleAsync(ProjectionBatch batch, CancellationToken ct)
    {
        foreach (var g in batch.Events.GroupBy(e => e.StreamName))
        {
            var last = g.MaxBy(e => e.Position)!;
            var dash = last.StreamName.IndexOf('-', StringComparison.Ordinal);
            await batch.Statements.ExecuteAsync(UpsertHead, new
            {
                stream = last.StreamName, category = dash < 0 ? last.StreamName : last.StreamName[..dash], revision = last.StreamRevision,
                position = last.Position, type = last.EventType, events = (long)g.Count(),
            });
        }
        await batch.Statements.FlushAsync();
    }
}
