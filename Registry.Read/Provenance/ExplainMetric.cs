using System.Data.Common;
using Registry.Contracts.Audit;
using Registry.Contracts.Plans;
using Registry.Read.Metrics;
using Registry.Read.Plans;
using Registry.Read.Provinces;
using Registry.Read.Time;

namespace Registry.Read.Provenance;

/// <summary>
/// Provenance of a figure: <c>GET /api/provinces/{code}/dashboard/explain?metric=&amp;year=&amp;map=&amp;asOf=&amp;validOn=</c>
/// and <c>GET /api/plans/{number}/progress/explain?metric=&amp;year=&amp;province=&amp;map=&amp;asOf=&amp;validOn=</c>. The
/// events are those of the rows the figure aggregates, selected by the very WHERE clause of <see cref="MetricSource"/>
/// that computes it, so the explanation is by construction the same rows as the figure. A row derived from a
/// correction lists the corrected fact's event and the correction.
/// </summary>
public static class ExplainMetric
{
    public static async Task<MetricExplanation?> DashboardAsync(ReadDatabase db, string code, string? metric, string? year, string? map, string? asOf,
        CancellationToken ct, string? validOn = null)
    {
        var source = Source(metric);
        var kind = MapKinds.Parse(map);
        var valid = ValidTime.Parse(validOn);
        await using var connection = await db.OpenAsync(ct);
        var at = await AsOfResolver.ResolveAsync(connection, asOf, ct);
        var y = GetProvinceDashboard.ParseYear(year, valid?.Year ?? at.ReferenceDate.Year);
        var provinces = await ProvinceMap.LoadAsync(connection, at.Position, ct);
        if (provinces.Unit(kind, code) is null) return null;
        return await ExplainAsync(connection, provinces, kind, code, source, y, y, y, at.Position, valid, ct);
    }

    public static async Task<MetricExplanation?> PlanAsync(ReadDatabase db, string number, string? metric, string? year, string? province, string? map,
        string? asOf, CancellationToken ct, string? validOn = null)
    {
        var source = Source(metric);
        int? y = string.IsNullOrWhiteSpace(year) ? null : GetProvinceDashboard.ParseYear(year, 0);
        var progress = await GetPlanProgress.RunAsync(db, number, province, map, asOf, ct, validOn);
        if (progress is null) return null;
        var row = progress.Rows.FirstOrDefault(r => r.Metric == source.Metric && r.Year == y)
                  ?? progress.Rows.FirstOrDefault(r => r.Metric == source.Metric && y is not null && r.Year is null && r.YearFrom <= y && y <= r.YearTo)
                  ?? throw new QueryParameterException(progress.Rows.Any(r => r.Metric == source.Metric) ? "year" : "metric",
                      $"plan '{number}' has no target of {source.Metric}{(y is null ? " over its whole period" : $" for {y}")}: its targets are " +
                      string.Join(", ", progress.Rows.Select(r => r.Year is null ? r.Metric : $"{r.Metric} {r.Year}")));
        await using var connection = await db.OpenAsync(ct);
        var provinces = await ProvinceMap.LoadAsync(connection, progress.AsOfPosition, ct);
        var explanation = await ExplainAsync(connection, provinces, MapKinds.Parse(progress.Map), progress.ProvinceCode, source, row.YearFrom, row.YearTo,
            row.Year, progress.AsOfPosition, ValidTime.Parse(validOn), ct);
        return explanation with { Value = row.Actual };
    }

    /// <summary>The value and the events of one metric of one unit over a year range, as of a position.</summary>
    public static async Task<MetricExplanation> ExplainAsync(DbConnection connection, ProvinceMap provinces, MapKind kind, string code, MetricSource source,
        int yearFrom, int yearTo, int? year, long asOf, DateOnly? validOn, CancellationToken ct)
    {
        var value = (await MetricValues.ComputeAsync(connection, provinces, kind, code, [source], yearFrom, yearTo, asOf, ct, validOn)).GetValueOrDefault(source.Metric);
        var rows = await MetricValues.RowsAsync(connection, provinces, kind, code, source, yearFrom, yearTo, asOf, ct, validOn);
        var ids = rows.SelectMany(r => r.RevisedBy is null ? [Guid.Parse(r.EventId)] : new[] { Guid.Parse(r.EventId), Guid.Parse(r.RevisedBy) }).ToList();
        var logged = await EventLookup.FindAsync(connection, ids, ct);
        var events = new Dictionary<Guid, ExplainedEvent>();
        foreach (var r in rows)
            foreach (var id in r.RevisedBy is null ? [r.EventId] : new[] { r.EventId, r.RevisedBy })
                if (logged.TryGetValue(Guid.Parse(id), out var e) && !events.ContainsKey(e.EventId))
                    events[e.EventId] = new ExplainedEvent(id, e.Position, e.Type, e.Stream, r.OccurredOn, r.Source, e.Recorded);
        return new MetricExplanation(source.Metric, year, value, events.Values.OrderBy(e => e.Position).ToList());
    }

    private static MetricSource Source(string? metric) =>
        string.IsNullOrWhiteSpace(metric)
            ? throw new QueryParameterException("metric", $"give ?metric= one of {string.Join(", ", PlanMetric.All)}")
            : MetricSources.Find(metric.Trim())
              ?? throw new QueryParameterException("metric", $"'{metric}' is not a metric: use one of {string.Join(", ", PlanMetric.All)}");
}
