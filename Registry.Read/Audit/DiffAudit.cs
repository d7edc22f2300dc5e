using Dapper;
using Registry.Contracts.Audit;
using Registry.Projections.Common;
using Registry.Read.Metrics;
using Registry.Read.Plans;
using Registry.Read.Provenance;
using Registry.Read.Provinces;
using Registry.Read.Time;

namespace Registry.Read.Audit;

/// <summary>
/// What changed between two moments (see <see cref="AuditDiff"/>). Dashboard figures: the (unit of the 2025 map, year)
/// pairs of every metric row opened or closed between the two positions are recomputed at both and compared, so no
/// figure that changed is missed and none is recomputed needlessly. Plan progress: every plan known at the later
/// moment (of the province, if given) is asked at both and compared target by target.
/// </summary>
public static class DiffAudit
{
    public static async Task<AuditDiff> RunAsync(ReadDatabase db, string? from, string? to, string? province, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(from)) throw new QueryParameterException("from", "give from= (a log position or an ISO timestamp)");
        await using var connection = await db.OpenAsync(ct);
        var p1 = (await AsOfResolver.ResolveAsync(connection, from, ct, "from")).Position;
        var p2 = (await AsOfResolver.ResolveAsync(connection, to, ct, "to")).Position;
        if (p2 < p1) throw new QueryParameterException("to", $"to (position {p2}) is before from (position {p1})");
        var recorded = (await EventLookup.RangeAsync(connection, p1, p2, ct))
            .Select(e => new ExplainedEvent(e.EventId.ToString(), e.Position, e.Type, e.Stream, "", "", e.Recorded)).ToList();

        var changes = new List<FigureChange>();
        var map1 = await ProvinceMap.LoadAsync(connection, p1, ct);
        var map2 = await ProvinceMap.LoadAsync(connection, p2, ct);
        // Dashboards are compared by unit of the 2025 map, plans by the province that adopted them, which may be one
        // merged away in 2025: a code of either map is a question; anything else would silently answer "no change".
        province = string.IsNullOrWhiteSpace(province) ? null : province.Trim();
        if (province is not null && map2.Unit(MapKind.Map2025, province) is null && map2.Unit(MapKind.Pre2025, province) is null)
            throw new QueryParameterException("province", $"'{province}' is not a province code of the 2025 map or of the map before it");
        foreach (var source in MetricSources.All)
        {
            var touched = await connection.QueryAsync<Touched>(new CommandDefinition(
                $"""
                SELECT DISTINCT {source.CodeColumn} AS code, {source.OnColumn} AS on_date, {source.YearColumn} AS year FROM {source.Table}
                WHERE (valid_from > @p1 AND valid_from <= @p2) OR (valid_to > @p1 AND valid_to <= @p2)
                """, new { p1, p2 }, cancellationToken: ct));
            var pairs = touched.SelectMany(t => new[] { (Unit: map2.UnitOf(MapKind.Map2025, t.Code, t.OnDate), (int)t.Year), (Unit: map1.UnitOf(MapKind.Map2025, t.Code, t.OnDate), (int)t.Year) })
                .Distinct().Where(u => province is null || u.Unit == province).OrderBy(u => u.Unit).ThenBy(u => u.Item2);
            foreach (var (unit, year) in pairs)
            {
                var before = map1.Unit(MapKind.Map2025, unit) is null ? null
                    : await ExplainMetric.ExplainAsync(connection, map1, MapKind.Map2025, unit, source, year, year, year, p1, null, ct);
                var after = map2.Unit(MapKind.Map2025, unit) is null ? null
                    : await ExplainMetric.ExplainAsync(connection, map2, MapKind.Map2025, unit, source, year, year, year, p2, null, ct);
                if ((before?.Value ?? 0) == (after?.Value ?? 0) && SameEvents(before, after)) continue;
                changes.Add(Change("dashboard", unit, null, null, source.Metric, year, before, after));
            }
        }

        var plans = await connection.QueryAsync<PlanKey>(new CommandDefinition(
            $"SELECT number, province_code FROM plans WHERE {Temporal.VisibleAt()} ORDER BY province_code, number", new { asOf = p2 }, cancellationToken: ct));
        foreach (var plan in plans.Where(pl => province is null || pl.ProvinceCode == province))
        {
            var old = await GetPlanProgress.RunAsync(db, plan.Number, plan.ProvinceCode, null, p1.ToString(), ct);
            var now = (await GetPlanProgress.RunAsync(db, plan.Number, plan.ProvinceCode, null, p2.ToString(), ct))!;
            foreach (var row in now.Rows)
            {
                var was = old?.Rows.FirstOrDefault(r => r.TargetId == row.TargetId && r.Year == row.Year);
                if (was is not null && was.Actual == row.Actual) continue;
                var year = row.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var before = was is null ? null : await ExplainMetric.PlanAsync(db, plan.Number, row.Metric, year, plan.ProvinceCode, null, p1.ToString(), ct);
                var after = await ExplainMetric.PlanAsync(db, plan.Number, row.Metric, year, plan.ProvinceCode, null, p2.ToString(), ct);
                changes.Add(Change("plan", now.ProvinceCode, plan.Number, row.TargetId, row.Metric, row.Year, before, after) with
                {
                    Old = was?.Actual ?? 0, New = row.Actual,
                });
            }
        }
        return new AuditDiff(p1, p2, recorded, changes);
    }

    private static bool SameEvents(MetricExplanation? a, MetricExplanation? b) =>
        (a?.Events ?? []).Select(e => e.EventId).SequenceEqual((b?.Events ?? []).Select(e => e.EventId));

    private static FigureChange Change(string scope, string unit, string? plan, string? target, string metric, int? year, MetricExplanation? before, MetricExplanation? after)
    {
        var was = (before?.Events ?? []).ToDictionary(e => e.EventId);
        var now = (after?.Events ?? []).ToDictionary(e => e.EventId);
        return new FigureChange(scope, unit, plan, target, metric, year, before?.Value ?? 0, after?.Value ?? 0,
            now.Values.Where(e => !was.ContainsKey(e.EventId)).ToList(), was.Values.Where(e => !now.ContainsKey(e.EventId)).ToList());
    }

    private sealed record Touched
    {
        public string Code { get; init; } = "";
        public string OnDate { get; init; } = "";
        public long Year { get; init; }
    }

    private sealed record PlanKey
    {
        public string Number { get; init; } = "";
        public string ProvinceCode { get; init; } = "";
    }
}
