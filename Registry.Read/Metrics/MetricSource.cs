namespace Registry.Read.Metrics;

/// <summary>
/// Where the actual figure of a plan metric comes from: a read-model table, its province code and date columns, its
/// year column and the aggregate. The same source serves dashboards, plan progress, findings and explain, which lists
/// the rows (and their event ids and sources) instead of aggregating them: both read the same WHERE clause.
/// <paramref name="ValidOnColumn"/> is the fact's valid-time date for <c>validOn=</c> (when it became true: a startup's
/// registration, a competition's launch, otherwise the date the fact occurred on).
/// <paramref name="FactColumns"/> prefixes the provenance columns (<c>event_id</c>, <c>revised_by</c>, <c>on</c>,
/// <c>source</c>) of the fact behind the figure, in a table whose rows are versions of an entity (a startup's
/// registration, a competition's launch or applications), where a row's own provenance is its latest change.
/// </summary>
public sealed record MetricSource(string Metric, string Table, string CodeColumn, string OnColumn, string YearColumn, string Aggregate,
    string ValidOnColumn = "occurred_on", string FactColumns = "")
{
    /// <summary>SELECT of the metric's value over a year range, for rows matching <paramref name="unitFilter"/>, as of @asOf.</summary>
    public string ValueSql(string unitFilter) =>
        $"SELECT '{Metric}' AS metric, CAST({Aggregate} AS DOUBLE PRECISION) AS value FROM {Table} WHERE {Where(unitFilter)}";

    /// <summary>The same, one row per year of the range that has facts.</summary>
    public string ValueByYearSql(string unitFilter) =>
        $"SELECT {YearColumn} AS year, CAST({Aggregate} AS DOUBLE PRECISION) AS value FROM {Table} WHERE {Where(unitFilter)} GROUP BY {YearColumn}";

    /// <summary>The rows the value aggregates, with their provenance (explain).</summary>
    public string RowsSql(string unitFilter) => FactColumns.Length == 0
        ? $"SELECT event_id, revised_by, stream, occurred_on, source FROM {Table} WHERE {Where(unitFilter)}"
        : $"SELECT {FactColumns}event_id AS event_id, {FactColumns}revised_by AS revised_by, stream, {FactColumns}on AS occurred_on, " +
          $"{FactColumns}source AS source FROM {Table} WHERE {Where(unitFilter)} AND {FactColumns}event_id IS NOT NULL";

    /// <summary>The predicate every figure and its explanation share (the unit filter may carry a valid-time bound).</summary>
    public string Where(string unitFilter) =>
        $"{Projections.Common.Temporal.VisibleAt()} AND {YearColumn} BETWEEN @yearFrom AND @yearTo AND {unitFilter}";
}
