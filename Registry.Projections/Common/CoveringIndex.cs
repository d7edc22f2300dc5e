using Registry.Projections.Runtime;

namespace Registry.Projections.Common;

/// <summary>
/// Query indexes that also hold the columns a query reads, so that it never touches the table: the dashboard's
/// counts and sums, filtered by province and year, become index-only scans.
/// </summary>
public static class CoveringIndex
{
    /// <summary>An index on <paramref name="keys"/> that also holds <paramref name="covered"/> (PostgreSQL: INCLUDE; SQLite: more keys).</summary>
    public static string Create(SqlDialect dialect, string indexOnTable, string keys, string covered) => dialect == SqlDialect.Postgres
        ? $"CREATE INDEX {indexOnTable} ({keys}) INCLUDE ({covered})"
        : $"CREATE INDEX {indexOnTable} ({keys}, {covered})";
}
