using System.Globalization;

namespace Registry.Projections.Runtime;

/// <summary>
/// Values in the text format of PostgreSQL's <c>COPY … FROM STDIN</c>: columns separated by a tab, rows ended by a
/// newline, NULL as <c>\N</c>, and a backslash, tab, newline or carriage return inside a text escaped with a
/// backslash. Numbers are written in the invariant culture (doubles so that they read back to the same value); the
/// server parses each as its column's type, as it would a parameter of that type.
/// </summary>
internal static class CopyText
{
    public static void WriteRow(TextWriter writer, object?[] row, int[] columns)
    {
        for (var c = 0; c < columns.Length; c++)
        {
            if (c > 0) writer.Write('\t');
            Write(writer, row[columns[c]]);
        }
        writer.Write('\n');
    }

    private static void Write(TextWriter writer, object? value)
    {
        Span<char> number = stackalloc char[48];
        int length;
        switch (value)
        {
            case null:
                writer.Write("\\N");
                return;
            case string text:
                WriteText(writer, text);
                return;
            case bool flag:
                writer.Write(flag ? 't' : 'f');
                return;
            case long l when l.TryFormat(number, out length, default, CultureInfo.InvariantCulture):
            case int i when i.TryFormat(number, out length, default, CultureInfo.InvariantCulture):
            case short s when s.TryFormat(number, out length, default, CultureInfo.InvariantCulture):
            case double d when d.TryFormat(number, out length, "R", CultureInfo.InvariantCulture):
            case decimal m when m.TryFormat(number, out length, default, CultureInfo.InvariantCulture):
            case Guid g when g.TryFormat(number, out length, "D"):
                writer.Write(number[..length]);
                return;
            default:
                throw new NotSupportedException($"No COPY text for a {value.GetType().Name}");
        }
    }

    private static void WriteText(TextWriter writer, string text)
    {
        var rest = text.AsSpan();
        int special;
        while ((special = rest.IndexOfAny("\\\t\n\r")) >= 0)
        {
            writer.Write(rest[..special]);
            writer.Write(rest[special] switch { '\t' => "\\t", '\n' => "\\n", '\r' => "\\r", _ => "\\\\" });
            rest = rest[(special + 1)..];
        }
        writer.Write(rest);
    }
}
