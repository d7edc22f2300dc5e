using Dapper;
using Registry.Contracts.Common;
using Registry.Contracts.IndexScores;
using Registry.Contracts.Plans;
using Registry.Contracts.Provinces;
using Registry.Projections.Common;
using Registry.Read.Metrics;
using Registry.Read.Time;

namespace Registry.Read.Provinces;

/// <summary>
/// <c>GET /api/provinces/{code}/dashboard?year=&amp;map=&amp;asOf=</c>: one unit's year. On the 2025 map the facts of
/// the units it absorbed count too (Vĩnh Phúc's in Phú Thọ); on the old map each unit stands alone. <c>validOn=DATE</c>
/// keeps the facts true by that date (see <see cref="ValidTime"/>).
/// </summary>
public static class GetProvinceDashboard
{
    public static async Task<ProvinceDashboard?> RunAsync(ReadDatabase db, string code, string? year, string? map, string? asOf, CancellationToken ct,
        string? validOn = null)
    {
        var kind = MapKinds.Parse(map);
        var valid = ValidTime.Parse(validOn);
        await using var connection = await db.OpenAsync(ct);
        var at = await AsOfResolver.ResolveAsync(connection, asOf, ct);
        var y = ParseYear(year, valid?.Year ?? at.ReferenceDate.Year);
        var provinces = await ProvinceMap.LoadAsync(connection, at.Position, ct);
        if (provinces.Unit(kind, code) is not { } unit) return null;

        var p = new DynamicParameters(new { asOf = at.Position, y, yearFrom = y, yearTo = y });
        // One round trip: by stage, by sector, the index scores, then every metric.
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            $"""
            SELECT stage AS key, count(*) AS count FROM startups
            WHERE {Temporal.VisibleAt()} AND registered_year = @y AND {ValidTime.Bound(provinces.Filter(kind, code, "province_code", "province_on", p), "registered_on", valid, p)}
            GROUP BY stage ORDER BY stage;
            SELECT sector AS key, count(*) AS count FROM startup_sectors
            WHERE {Temporal.VisibleAt()} AND registered_year = @y AND {provinces.Filter(kind, code, "province_code", "province_on", p)}
              {(valid is null ? "" : $"AND startup_id IN (SELECT startup_id FROM startups WHERE {Temporal.VisibleAt()} AND registered_on <= @validOn)")}
            GROUP BY sector ORDER BY count(*) DESC, sector;
            SELECT province_code AS code, score, rank FROM index_scores
            WHERE {Temporal.VisibleAt()} AND year = @y AND {ValidTime.Bound(provinces.Filter(kind, code, "province_code", "province_on", p), "occurred_on", valid, p)}
            ORDER BY rank;
            {MetricValues.ValuesSql(provinces, kind, code, MetricSources.All, valid, p)}
            """, p, cancellationToken: ct));
        var byStage = await results.ReadAsync<KeyCount>();
        var bySector = await results.ReadAsync<KeyCount>();
        var scores = await results.ReadAsync<ScoreRow>();
        var figures = await MetricValues.ReadValuesAsync(results);

        var stages = byStage.Select(s => new CountBy(s.Key, s.Count)).ToList();
        return new ProvinceDashboard(unit.Code, unit.Name, kind.Name(), y, at.Position, provinces.RecordedCodes(kind, code),
            stages.Sum(s => s.Count), bySector.Select(s => new CountBy(s.Key, s.Count)).ToList(), stages,
            PlanMetric.All.Select(m => new MetricValue(m, figures.GetValueOrDefault(m))).ToList(),
            scores.Select(s => new IndexScoreEntry(s.Code, provinces.NameOf(MapKind.Pre2025, s.Code), y, (decimal)s.Score, (int)s.Rank)).ToList());
    }

    // Property-mapped rows: SQLite reports no column type for an aggregate over no rows, which defeats constructor mapping.
    private sealed record KeyCount
    {
        public string Key { get; init; } = "";
        public long Count { get; init; }
    }

    private sealed record ScoreRow
    {
        public string Code { get; init; } = "";
        public double Score { get; init; }
        public long Rank { get; init; }
    }

    public static int ParseYear(string? year, int fallback) =>
        string.IsNullOrWhiteSpace(year) ? fallback
        : int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2200 ? y
        : throw new QueryParameterException("year", $"'{year}' is not a year (1900–2200)");
}
