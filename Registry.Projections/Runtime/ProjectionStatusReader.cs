using Dapper;

namespace Registry.Projections.Runtime;

/// <summary>Reads every projection's status from the database, so that any process shows the same picture.</summary>
public static class ProjectionStatusReader
{
    public static async Task<IReadOnlyList<ProjectionStatus>> ReadAsync(ProjectionDatabase database, CancellationToken ct = default)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var head = await ProjectionDatabase.ReadHeadAsync(connection);
        var projections = (await ProjectionCatalog.GetProjectionsAsync(connection)).ToDictionary(p => p.Name);
        var now = ProjectionDatabase.NowUs();
        var statuses = new List<ProjectionStatus>();
        foreach (var row in await ProjectionCatalog.GetCheckpointsAsync(connection))
        {
            var lagEvents = Math.Max(0, head - row.Position);
            var firstUnapplied = lagEvents == 0 ? null
                : await connection.QuerySingleOrDefaultAsync<long?>("SELECT recorded_us FROM events WHERE position = @p", new { p = row.Position + 1 });
            var lagSeconds = firstUnapplied is { } recorded ? Math.Max(0, (now - recorded) / 1e6) : 0;
            projections.TryGetValue(row.Name, out var projection);
            statuses.Add(new ProjectionStatus(row.Name, row.Generation, row.Version, projection?.ActiveGeneration == row.Generation, row.State,
                row.Position, head, lagEvents, Math.Round(lagSeconds, 3), projection?.Owner, row.Error, row.FaultedPosition, row.FaultedEventId,
                FromUs(row.MovedAtUs), FromUs(row.UpdatedAtUs), projection?.RebuildRequestedAtUs is not null));
        }
        return statuses;
    }

    private static DateTimeOffset FromUs(long us) => DateTimeOffset.FromUnixTimeMilliseconds(us / 1000);
}
