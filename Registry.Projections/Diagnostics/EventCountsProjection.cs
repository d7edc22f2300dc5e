using Registry.Projections.Runtime;

namespace Registry.Projections.Diagnostics;

/// <summary>
/// Events per type and day (UTC, by recorded time): activity for the dashboard and for operators, and a built-in
/// projection the runtime's own crash and lease tests run in real processes.
/// </summary>
public sealed class EventCountsProjection : IProjection
{
    public string Name => "event_counts";
    public int Version => 1;
    public IReadOnlyList<string> Tables { get; } = ["event_counts"];

    public IReadOnlyList<string> Schema(SqlDialect dialect, Func<string, string> table) =>
    [
        $"CREATE TABLE {table("event_counts")} (event_type TEXT NOT NULL, day TEXT NOT NULL, events BIGINT NOT NULL, PRIMARY KEY (event_type, day))",
    ];

    private static readonly GenerationSql AddCount = new(t =>
        $"INSERT INTO {t("event_counts")} (event_type, day, events) VALUES (@type, @day, @events) " +
        $"ON CONFLICT (event_type, day) DO UPDATE SET events = {t("event_counts")}.events + excluded.events");

    public async Task HandleAsync(ProjectionBatch batch, CancellationToken ct)
    {
        var counts = batch.Events
            .GroupBy(e => (Type: e.EventType, Day: e.Recorded.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var g in counts) await batch.Statements.ExecuteAsync(AddCount, new { type = g.Key.Type, day = g.Key.Day, events = (long)g.Count() });
        await batch.Statements.FlushAsync();
    }
}
