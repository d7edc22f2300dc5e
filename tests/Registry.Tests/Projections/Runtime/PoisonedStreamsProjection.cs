using Dapper;
using Registry.Projections.Runtime;

namespace Registry.Tests.Projections.Runtime;

/// <summary>A test projection: one row per stream with its event count, that cannot handle events of type
/// <c>Poison</c> while <see cref="Cured"/> is false. Its version can be set to model a deployment.</summary>
public sealed class PoisonedStreamsProjection(string name = "poisoned", int version = 1) : IProjection
{
    public bool Cured { get; set; }
    public string Name => name;
    public int Version => version;
    public IReadOnlyList<string> Tables => [$"{name}_streams"];

    public IReadOnlyList<string> Schema(SqlDialect dialect, Func<string, string> table) =>
        [$"CREATE TABLE {table(Tables[0])} (stream_name TEXT PRIMARY KEY, events BIGINT NOT NULL, version BIGINT NOT NULL)"];

    public async Task HandleAsync(ProjectionBatch batch, CancellationToken ct)
    {
        var table = batch.Table(Tables[0]);
        foreach (var e in batch.Events)
        {
            if (e.EventType == "Poison" && !Cured) throw new InvalidOperationException($"cannot handle {e.EventId}");
            await batch.Connection.ExecuteAsync(
                $"INSERT INTO {table} (stream_name, events, version) VALUES (@s, 1, @v) ON CONFLICT (stream_name) DO UPDATE SET events = {table}.events + 1",
                new { s = e.StreamName, v = (long)version }, batch.Transaction);
        }
    }
}
