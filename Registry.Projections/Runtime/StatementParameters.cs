using System.Data;

namespace Registry.Projections.Runtime;

/// <summary>
/// The parameters one statement names, in a fixed order, and how to read their values from the object passed with
/// it: its own properties, and for a <see cref="RowParameters"/> the provenance's and the row's <c>ValidTo</c> too. A
/// property the SQL does not name is not bound.
/// </summary>
internal sealed class StatementParameters
{
    private readonly (PropertyReader Reader, Source From)[] _readers;

    private StatementParameters((PropertyReader, Source)[] readers) => _readers = readers;

    private enum Source { Values, Provenance, Row }

    public int Count => _readers.Length;

    /// <summary>The parameter's name as the SQL writes it, with its <c>@</c>.</summary>
    public string Name(int i) => "@" + _readers[i].Reader.Name;

    /// <summary>The index of the parameter the SQL names <paramref name="name"/> (with its <c>@</c>), or -1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < _readers.Length; i++)
            if (name.Length == _readers[i].Reader.Name.Length + 1 && name.EndsWith(_readers[i].Reader.Name, StringComparison.Ordinal)) return i;
        return -1;
    }

    public DbType? DbType(int i) => _readers[i].Reader.DbType;

    public static StatementParameters For(string sql, object values)
    {
        var row = values as RowParameters;
        var own = PropertyReader.For(row?.Values.GetType() ?? values.GetType()).Select(r => (r, Source.Values));
        var provenance = row is null ? [] : PropertyReader.For(row.Provenance.GetType()).Select(r => (r, Source.Provenance));
        var validTo = row is null ? [] : PropertyReader.For(typeof(RowParameters)).Where(r => r.Name == nameof(RowParameters.ValidTo)).Select(r => (r, Source.Row));
        return new StatementParameters(own.Concat(provenance).Concat(validTo).Where(p => sql.Contains("@" + p.r.Name, StringComparison.Ordinal)).ToArray());
    }

    /// <summary>The type that decides the shape of <paramref name="values"/>: statements are prepared once per SQL and shape.</summary>
    public static Type ShapeOf(object values) => values is RowParameters row ? row.Values.GetType() : values.GetType();

    /// <summary>The i-th parameter's value (null for SQL NULL).</summary>
    public object? Value(int i, object values)
    {
        var (reader, from) = _readers[i];
        var row = values as RowParameters;
        return reader.Read(from switch
        {
            Source.Provenance => row!.Provenance,
            Source.Row => row!,
            _ => row?.Values ?? values,
        });
    }
}
