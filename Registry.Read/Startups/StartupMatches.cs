using Registry.Projections.Common;
using Registry.Projections.Runtime;

namespace Registry.Read.Startups;

/// <summary>
/// The startup versions a search matches, as keys (<c>startup_id</c>, <c>valid_from</c> and the sort columns) read from
/// the indexes alone, in order, joined to their rows only for the page. Each way of matching is a branch, ordered and
/// limited on its own, and the branches' keys are merged without duplicates: an OR across them would make the planner
/// walk one index for all (a province name's few thousand startups found by walking every name, or every index entry
/// reading its table row). On PostgreSQL the name index holds the search text only when it is short enough
/// (<c>search_head</c>), so the longer texts have a branch of their own; a common word walks the name index, a rare one
/// sorts its few matches from the trigram index. SQLite finds a rare word's few startups in its word index
/// (<see cref="WordCandidates"/>) and reads them as a branch of their own; a common word matches in one branch
/// (see <see cref="Branches"/>).
/// </summary>
internal static class StartupMatches
{
    /// <summary>Other matches (a province name's units) read as branches of their own, each in order; more are one OR.</summary>
    private const int MaxOtherBranches = 4;

    /// <summary>
    /// The LIKE pattern of a normalized search text, as an SQL literal rather than a parameter: PostgreSQL then plans
    /// each search for its own word (a prepared statement's generic plan walked the whole name index for a rare word).
    /// A normalized text holds only letters, digits and spaces; quotes are doubled all the same.
    /// </summary>
    public static string Pattern(string normalized) => "'%" + normalized.Replace("'", "''", StringComparison.Ordinal) + "%'";

    /// <summary>
    /// The filter of each branch: <paramref name="filter"/> and, when <paramref name="pattern"/> is not null, a match
    /// of it (see <see cref="Pattern"/>) in the search text or any of <paramref name="otherMatches"/>. On SQLite,
    /// <paramref name="candidates"/> says whether the query has the word index's candidates as <c>@candidates</c>
    /// (<see cref="WordCandidates"/>), which then are the only startups whose text is read.
    /// </summary>
    public static IReadOnlyList<string> Branches(SqlDialect dialect, string filter, string? pattern, IReadOnlyList<string> otherMatches, bool candidates)
    {
        if (pattern is null) return [filter];
        // A common word: SQLite's one walk of the name index stops as soon as enough startups match either way, where a
        // branch of the text alone would read the whole index when the word is only a province's name.
        if (dialect == SqlDialect.Sqlite && !candidates)
            return [$"{filter} AND ({string.Join(" OR ", otherMatches.Prepend($"search_norm LIKE {pattern}"))})"];
        string[] text = dialect == SqlDialect.Sqlite
            ? [$"startup_id IN (SELECT value FROM json_each(@candidates)) AND search_norm LIKE {pattern}"]
            : [$"search_head LIKE {pattern}", $"search_head IS NULL AND search_norm LIKE {pattern}"];
        var others = otherMatches.Count <= MaxOtherBranches ? otherMatches : [string.Join(" OR ", otherMatches)];
        return text.Concat(others).Select(m => $"{filter} AND ({m})").ToList();
    }

    /// <summary>The keys of the first <paramref name="limit"/> matches in <paramref name="orderBy"/> (unqualified column names).</summary>
    public static string OrderedKeys(IReadOnlyList<string> branches, string orderBy, string limit)
    {
        var keyColumns = string.Join(", ", SortColumns(orderBy).Append("startup_id").Append("valid_from").Distinct());
        return branches.Count == 1
            ? $"SELECT {keyColumns} FROM startups WHERE {branches[0]} ORDER BY {orderBy} LIMIT {limit}"
            : string.Join(" UNION ", branches.Select((b, i) =>
                $"SELECT * FROM (SELECT {keyColumns} FROM startups WHERE {b} ORDER BY {orderBy} LIMIT {limit}) b{i}")) + $" ORDER BY {orderBy} LIMIT {limit}";
    }

    /// <summary>
    /// <paramref name="selected"/> (columns of <c>s</c>) of the versions whose keys <paramref name="keys"/> lists, with the
    /// sort columns as <c>o0</c>, <c>o1</c>… for the caller to order by (see <see cref="OuterOrder"/>); needs <c>@asOf</c>.
    /// </summary>
    public static string Rows(string keys, string orderBy, string selected) =>
        $"""
        SELECT {selected}, {string.Join(", ", SortColumns(orderBy).Select((c, i) => $"k.{c} AS o{i}"))} FROM ({keys}) k
        JOIN startups s ON s.startup_id = k.startup_id AND s.valid_from = k.valid_from AND {Temporal.VisibleAt("s")}
        """;

    /// <summary><paramref name="orderBy"/> over the <c>o0</c>, <c>o1</c>… columns of <see cref="Rows"/> of <paramref name="alias"/>.</summary>
    public static string OuterOrder(string orderBy, string alias) =>
        string.Join(", ", orderBy.Split(',').Select((o, i) => $"{alias}.o{i}" + (o.Trim().EndsWith(" DESC", StringComparison.Ordinal) ? " DESC" : "")));

    private static IEnumerable<string> SortColumns(string orderBy) => orderBy.Split(',').Select(o => o.Trim().Split(' ')[0]);
}
