namespace Registry.Read.Metrics;

/// <summary>
/// Where the actual figure of a plan metric comes from: a read-model table, its province code and date columns, its
/// year column and the aggregate. The same source serves dashboards, plan progress, findings and (later) explain,
/// which lists the rows (and their event ids and sources) instead of aggregating them.
/// </summary>
public sealed record MetricSource(string Metric, string Table, string CodeColumn, string OnColumn, string YearColumn, string Aggregate)
{
    /// <summary>SELECT of the metric's value over a year range, for rows matching <paramref name="unitFilter"/>, as of @asOf.</summary>
    public string ValueSql(string unitFilter) =>
        $"SELECT '{Metric}' AS metric, CAST({Aggregate} AS DOUBLE PRECISION) AS value FROM {Table} " +
        $"WHERE {Projections.Common.Temporal.VisibleAt()} AND {YearColumn} BETWEEN @yearFrom AND @yearTo AND {unitFilter}";

    /// <summary>The same, one row per year of the range that has facts.</summary>
    public string ValueByYearSql(string unitFilter) =>
        $"SELECT {YearColumn} AS year, CAST({Aggregate} AS DOUBLE PRECISION) AS value FROM {Table} " +
        $"WHERE {Projections.Common.Temporal.VisibleAt()} AND {YearColumn} BETWEEN @yearFrom AND @yearTo AND {unitFilter} GROUP BY {YearColumn}";
}
