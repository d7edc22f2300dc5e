using System.Text;
using System.Text.RegularExpressions;

namespace Registry.Projections.Runtime;

/// <summary>
/// A write statement for PostgreSQL with its <c>@name</c> parameters replaced by <c>$1</c>, <c>$2</c>… once per
/// statement shape. Npgsql otherwise parses each statement's SQL to rewrite the names, and copies it, on every
/// execution; with positional parameters it sends the SQL as it is.
/// <para>
/// A plain insert (<c>INSERT INTO t (…) VALUES (…)</c> with nothing but parameters and literals in its values, and
/// nothing after them) can also be written for several rows at once (<see cref="ForRows"/>): PostgreSQL then parses,
/// binds and starts its executor once for all of them.
/// </para>
/// </summary>
internal sealed partial class PositionalStatement
{
    private readonly string? _beforeValues;
    private readonly string? _tuple;
    private readonly Dictionary<int, string> _rows = new();

    private PositionalStatement(string sql, StatementParameters parameters, int[] order)
    {
        Sql = sql;
        Parameters = parameters;
        Order = order;
        var values = PlainInsert().Match(sql);
        if (!values.Success) return;
        _beforeValues = sql[..values.Groups["tuple"].Index];
        _tuple = values.Groups["tuple"].Value;
    }

    public string Sql { get; }

    public StatementParameters Parameters { get; }

    /// <summary>The index in <see cref="Parameters"/> of <c>$1</c>, <c>$2</c>…</summary>
    public int[] Order { get; }

    /// <summary>Whether the statement only inserts the row it is given: such statements commute with each other
    /// when they write different tables, and several rows of one can be written by one statement.</summary>
    public bool IsPlainInsert => _tuple is not null;

    /// <summary>The statement for <paramref name="rows"/> rows (a plain insert's): the values of row r are
    /// <c>$(r × n + 1)</c>… where n is the number of parameters of one row, in <see cref="Order"/>.</summary>
    public string ForRows(int rows)
    {
        if (rows == 1) return Sql;
        if (_tuple is null) throw new InvalidOperationException("Only a plain insert is written for several rows: " + Sql);
        if (_rows.TryGetValue(rows, out var sql)) return sql;
        var text = new StringBuilder(_beforeValues);
        for (var r = 0; r < rows; r++)
        {
            if (r > 0) text.Append(", ");
            var shift = r * Order.Length;
            text.Append(Positional().Replace(_tuple, m => "$" + (int.Parse(m.Groups[1].ValueSpan) + shift)));
        }
        _rows.Add(rows, sql = text.ToString());
        return sql;
    }

    public static PositionalStatement For(string sql, StatementParameters parameters)
    {
        var order = new List<int>();
        var positional = Name().Replace(sql, m =>
        {
            var i = parameters.IndexOf(m.Value);
            if (i < 0) return m.Value;
            var position = order.IndexOf(i);
            if (position < 0) order.Add(i);
            return "$" + (position < 0 ? order.Count : position + 1);
        });
        return new PositionalStatement(positional, parameters, [.. order]);
    }

    [GeneratedRegex(@"@\w+")]
    private static partial Regex Name();

    [GeneratedRegex(@"\$(\d+)")]
    private static partial Regex Positional();

    // One tuple of parameters, literals and casts: no parentheses (no function call, no subquery) and no quotes.
    [GeneratedRegex(@"^\s*INSERT\s+INTO\s+\w+\s*\([\w\s,]+\)\s*VALUES\s*(?<tuple>\([\w\s$,:.\-]+\))\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PlainInsert();
}
