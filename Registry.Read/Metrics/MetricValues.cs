using System.Data.Common;
using Dapper;
using Registry.Read.Provinces;
using Registry.Read.Time;

namespace Registry.Read.Metrics;

/// <summary>Computes metrics for one unit of a map over a year range, as of a position (and, with validOn, true by a date), in one round trip.</summary>
public static class MetricValues
{
    public static async Task<IReadOnlyDictionary<string, decimal>> ComputeAsync(DbConnection connection, ProvinceMap provinces, MapKind map, string code,
        IEnumerable<MetricSource> metrics, int yearFrom, int yearTo, long asOf, CancellationToken ct, DateOnly? validOn = null)
    {
        var p = new DynamicParameters(new { asOf, yearFrom, yearTo });
        var sql = ValuesSql(provinces, map, code, metrics, validOn, p);
        if (sql.Length == 0) return new Dictionary<string, decimal>();
        return ToValues(await connection.QueryAsync<Row>(new CommandDefinition(sql, p, cancellationToken: ct)));
    }

    /// <summary>
    /// The statement <see cref="ComputeAsync"/> runs (empty for no metrics), to send in a batch with others: it adds its
    /// parameters to <paramref name="p"/>, which must hold <c>asOf</c>, <c>yearFrom</c> and <c>yearTo</c>. Read its
    /// rows with <see cref="ReadValuesAsync"/>.
    /// </summary>
    public static string ValuesSql(ProvinceMap provinces, MapKind map, string code, IEnumerable<MetricSource> metrics, DateOnly? validOn,
        DynamicParameters p) =>
        string.Join(" UNION ALL ", metrics.Select(m => m.ValueSql(UnitFilter(provinces, map, code, m, validOn, p))));

    public static async Task<IReadOnlyDictionary<string, decimal>> ReadValuesAsync(SqlMapper.GridReader results) =>
        ToValues(await results.ReadAsync<Row>());

    private static Dictionary<string, decimal> ToValues(IEnumerable<Row> rows) => rows.ToDictionary(r => r.Metric, r => (decimal)r.Value);

    /// <summary>One metric per year of a range, in one round trip (years without facts are absent).</summary>
    public static async Task<IReadOnlyDictionary<int, decimal>> ComputeByYearAsync(DbConnection connection, ProvinceMap provinces, MapKind map, string code,
        MetricSource metric, int yearFrom, int yearTo, long asOf, CancellationToken ct, DateOnly? validOn = null)
    {
        var p = new DynamicParameters(new { asOf, yearFrom, yearTo });
        var rows = await connection.QueryAsync<YearRow>(new CommandDefinition(
            metric.ValueByYearSql(UnitFilter(provinces, map, code, metric, validOn, p)), p, cancellationToken: ct));
        return rows.ToDictionary(r => (int)r.Year, r => (decimal)r.Value);
    }

    /// <summary>The rows (provenance) a metric aggregates: the same WHERE clause as its value.</summary>
    public static async Task<IReadOnlyList<SourceRow>> RowsAsync(DbConnection connection, ProvinceMap provinces, MapKind map, string code,
        MetricSource metric, int yearFrom, int yearTo, long asOf, CancellationToken ct, DateOnly? validOn = null)
    {
        var p = new DynamicParameters(new { asOf, yearFrom, yearTo });
        var rows = await connection.QueryAsync<SourceRow>(new CommandDefinition(
            metric.RowsSql(UnitFilter(provinces, map, code, metric, validOn, p)), p, cancellationToken: ct));
        return rows.ToList();
    }

    private static string UnitFilter(ProvinceMap provinces, MapKind map, string code, MetricSource m, DateOnly? validOn, DynamicParameters p) =>
        ValidTime.Bound(provinces.Filter(map, code, m.CodeColumn, m.OnColumn, p), m.ValidOnColumn, validOn, p);

    public sealed record SourceRow
    {
        public string EventId { get; init; } = "";
        public string? RevisedBy { get; init; }
        public string Stream { get; init; } = "";
        public string OccurredOn { get; init; } = "";
        public string Source { get; init; } = "";
    }

    private sealed record YearRow
    {
        public long Year { get; init; }
        public double Value { get; init; }
    }

    private sealed record Row
    {
        public string Metric { get; init; } = "";
        public double Value { get; init; }
    }
}
