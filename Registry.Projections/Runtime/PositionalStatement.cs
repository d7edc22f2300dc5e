using System.Text.RegularExpressions;

namespace Registry.Projections.Runtime;

/// <summary>
/// A write statement for PostgreSQL with its <c>@name</c> parameters replaced by <c>$1</c>, <c>$2</c>… once per
/// statement shape. Npgsql otherwise parses each statement's SQL to rewrite the names, and copies it, on every
/// execution; with positional parameters it sends the SQL as it is.
/// <para>
/// A plain insert (<c>INSERT INTO t (…) VALUES (…)</c> with nothing but parameters of known types in its values, and
/// nothing after them) is also written for any number of rows at once, each parameter an array of the rows' values
/// (<see cref="ForArrays"/>): PostgreSQL then parses, binds and starts its executor once for all of them, and the client
/// binds one parameter per column instead of one per column and row (measured: binding each value was the largest
/// part of the client's work in a rebuild, through multi-row <c>VALUES</c> lists).
/// </para>
/// </summary>
internal sealed partial class PositionalStatement
{
    private readonly string? _arrays;
    private readonly string? _copy;

    private PositionalStatement(string sql, StatementParameters parameters, int[] order)
    {
        Sql = sql;
        Parameters = parameters;
        Order = order;
        var values = PlainInsert().Match(sql);
        // Each array's element type is the parameter's: one without a known type is written a row at a time.
        if (!values.Success || order.Any(i => parameters.DbType(i) is null)) return;
        _arrays = sql[..values.Groups["values"].Index] + "SELECT * FROM unnest" + values.Groups["tuple"].Value;
        _copy = $"COPY {values.Groups["target"].Value} FROM STDIN";
        CopiedValues = Positional().Matches(values.Groups["tuple"].Value).Select(m => int.Parse(m.Groups[1].ValueSpan) - 1).ToArray();
    }

    public string Sql { get; }

    public StatementParameters Parameters { get; }

    /// <summary>The index in <see cref="Parameters"/> of <c>$1</c>, <c>$2</c>…</summary>
    public int[] Order { get; }

    /// <summary>Whether the statement only inserts the row it is given: such statements commute with each other
    /// when they write different tables, and the rows of one can be written by one statement.</summary>
    public bool IsPlainInsert => _arrays is not null;

    /// <summary>The plain insert for many rows: <c>INSERT INTO t (…) SELECT * FROM unnest($1, $2, …)</c>, where
    /// <c>$n</c> is the array of every row's value of the n-th parameter, rows in order.</summary>
    public string ForArrays => _arrays ?? throw new InvalidOperationException("Only a plain insert is written for many rows: " + Sql);

    /// <summary>The plain insert's rows as a <c>COPY t (…) FROM STDIN</c> in text format, each line the values of
    /// <see cref="CopiedValues"/> in turn: the cheapest way into a table for the server (measured: 5 µs a startup row,
    /// against 11.5 µs through a multi-row insert).</summary>
    public string Copy => _copy ?? throw new InvalidOperationException("Only a plain insert is copied: " + Sql);

    /// <summary>For each column of a plain insert, the index of its value in a row (which is in <see cref="Order"/>).</summary>
    public int[] CopiedValues { get; } = [];

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

    // One tuple of nothing but parameters.
    [GeneratedRegex(@"^\s*INSERT\s+INTO\s+(?<target>\w+\s*\([\w\s,]+\))\s*(?<values>VALUES)\s*(?<tuple>\(\s*\$\d+(?:\s*,\s*\$\d+)*\s*\))\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PlainInsert();
}
