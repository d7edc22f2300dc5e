using Registry.Projections.Common;
using Registry.Projections.Runtime;

namespace Registry.Read.Startups;

/// <summary>
/// The startup versions a search matches, as keys (<c>startup_id</c>, <c>valid_from</c> and the sort columns) read from
/// the indexes alone, joined to their rows only for the page. On PostgreSQL the name index holds the search text only
/// when it is short enough (<c>search_head</c>), so the longer texts are matched in a second, separate branch: an OR
/// across both would make every index entry read its table row. A common word's keys then come from a walk of the name
/// index, a rare word's from the trigram index, whichever the planner finds cheaper.
/// </summary>
internal static class StartupMatches
{
    /// <summary>
    /// The filter of each branch: <paramref name="filter"/> and, when <paramref name="otherMatches"/> is not null, a
    /// match of <c>@q</c> in the search text or any of <paramref name="otherMatches"/>.
    /// </summary>
    public static IReadOnlyList<string> Branches(SqlDialect dialect, string filter, IReadOnlyList<string>? otherMatches)
    {
        if (otherMatches is null) return [filter];
        string Match(string column) => string.Join(" OR ", otherMatches.Prepend($"{column} LIKE @q"));
        return dialect == SqlDialect.Postgres
            ? [$"{filter} AND search_head IS NOT NULL AND ({Match("search_head")})", $"{filter} AND search_head IS NULL AND ({Match("search_norm")})"]
            : [$"{filter} AND ({Match("search_norm")})"];
    }

    /// <summary>The keys of the matching versions with <paramref name="columns"/>, unordered.</summary>
    public static string Keys(IReadOnlyList<string> branches, string columns) =>
        string.Join(" UNION ALL ", branches.Select(b => $"SELECT {columns} FROM startups WHERE {b}"));

    /// <summary>
    /// Rows of <paramref name="selected"/> (qualified by <c>s.</c>) of one page of matches in <paramref name="orderBy"/>
    /// (unqualified column names), with parameters <c>@limit</c>, <c>@offset</c> and <c>@asOf</c>.
    /// </summary>
    public static string Page(IReadOnlyList<string> branches, string orderBy, string selected)
    {
        var sortColumns = orderBy.Split(',').Select(o => o.Trim().Split(' ')[0]).ToList();
        var keyColumns = string.Join(", ", sortColumns.Append("startup_id").Append("valid_from").Distinct());
        var outerOrder = string.Join(", ", orderBy.Split(',').Select(o => "k." + o.Trim()));
        return $"""
            SELECT {selected} FROM ({Keys(branches, keyColumns)} ORDER BY {orderBy} LIMIT @limit OFFSET @offset) k
            JOIN startups s ON s.startup_id = k.startup_id AND s.valid_from = k.valid_from AND {Temporal.VisibleAt("s")}
            ORDER BY {outerOrder}
            """;
    }
}
