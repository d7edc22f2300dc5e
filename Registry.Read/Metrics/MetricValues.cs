using System.Data.Common;
using Dapper;
using Registry.Read.Provinces;

namespace Registry.Read.Metrics;

/// <summary>Computes metrics for one unit of a map over a year range, as of a position, in one round trip.</summary>
public static class MetricValues
{
    public static async Task<IReadOnlyDictionary<string, decimal>> ComputeAsync(DbConnection connection, ProvinceMap provinces, MapKind map, string code,
        IEnumerable<MetricSource> metrics, int yearFrom, int yearTo, long asOf, CancellationToken ct)
    {
        var p = new DynamicParameters(new { asOf, yearFrom, yearTo });
        var sql = string.Join(" UNION ALL ", metrics.Select(m => m.ValueSql(provinces.Filter(map, code, m.CodeColumn, m.OnColumn, p))));
        if (sql.Length == 0) return new Dictionary<string, decimal>();
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, p, cancellationToken: ct));
        return rows.ToDictionary(r => r.Metric, r => (decimal)r.Value);
    }

    /// <summary>One metric per year of a range, in one round trip (years without facts are absent).</summary>
    public static async Task<IReadOnlyDictionary<int, decimal>> ComputeByYearAsync(DbConnection connection, ProvinceMap provinces, MapKind map, string code,
        MetricSource metric, int yearFrom, int yearTo, long asOf, CancellationToken ct)
    {
        var p = new DynamicParameters(new { asOf, yearFrom, yearTo });
        var rows = await connection.QueryAsync<YearRow>(new CommandDefinition(
            metric.ValueByYearSql(provinces.Filter(map, code, metric.CodeColumn, metric.OnColumn, p)), p, cancellationToken: ct));
        return rows.ToDictionary(r => (int)r.Year, r => (decimal)r.Value);
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
