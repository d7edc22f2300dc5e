using System.Text.RegularExpressions;

namespace Registry.Projections.Runtime;

/// <summary>
/// A write statement for PostgreSQL with its <c>@name</c> parameters replaced by <c>$1</c>, <c>$2</c>… once per
/// statement shape. Npgsql otherwise parses each statement's SQL to rewrite the names, and copies it, on every
/// execution; with positional parameters it sends the SQL as it is.
/// </summary>
internal sealed partial class PositionalStatement
{
    private PositionalStatement(string sql, StatementParameters parameters, int[] order)
    {
        Sql = sql;
        Parameters = parameters;
        Order = order;
    }

    public string Sql { get; }

    public StatementParameters Parameters { get; }

    /// <summary>The index in <see cref="Parameters"/> of <c>$1</c>, <c>$2</c>…</summary>
    public int[] Order { get; }

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
}
