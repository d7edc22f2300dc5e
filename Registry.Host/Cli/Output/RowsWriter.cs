using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Registry.Host.Cli.Output;

/// <summary>Writes rows (records) as an aligned table or as CSV: one column per public scalar property; lists are joined with "; ".</summary>
public static class RowsWriter
{
    public static void Write(TextWriter output, IReadOnlyList<object> rows, string format)
    {
        if (rows.Count == 0)
        {
            if (format == "table") output.WriteLine("(no rows)");
            return;
        }
        var properties = rows[0].GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var header = properties.Select(p => p.Name).ToArray();
        var cells = rows.Select(r => properties.Select(p => Cell(p.GetValue(r))).ToArray()).ToList();
        if (format == "csv")
        {
            output.WriteLine(string.Join(',', header.Select(Csv)));
            foreach (var row in cells) output.WriteLine(string.Join(',', row.Select(Csv)));
            return;
        }
        var widths = header.Select((h, i) => Math.Max(h.Length, cells.Max(c => c[i].Length))).ToArray();
        output.WriteLine(Line(header, widths));
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in cells) output.WriteLine(Line(row, widths));
    }

    private static string Line(string[] cells, int[] widths) => string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();

    private static string Cell(object? value) => value switch
    {
        null => "",
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => string.Join("; ", items.Cast<object?>().Select(Cell)),
        _ => value.ToString() ?? "",
    };

    private static string Csv(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
