using System.Text;

namespace Registry.Host.Cli.Import;

/// <summary>RFC 4180 CSV: fields separated by commas, quoted with '"' when they hold commas, quotes or line breaks.</summary>
public static class CsvReader
{
    /// <summary>Each record with the line it starts on and its original text.</summary>
    public static IEnumerable<(int Line, string[] Fields, string Text)> Read(TextReader reader)
    {
        var line = 0;
        while (reader.ReadLine() is { } first)
        {
            line++;
            var start = line;
            var text = new StringBuilder(first);
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            var current = first;
            for (var i = 0; ; i++)
            {
                if (i == current.Length)
                {
                    if (!quoted || reader.ReadLine() is not { } next) break;
                    line++;
                    field.Append('\n');
                    text.Append('\n').Append(next);
                    current = next;
                    i = -1;
                    continue;
                }
                var c = current[i];
                if (quoted)
                {
                    if (c != '"') field.Append(c);
                    else if (i + 1 < current.Length && current[i + 1] == '"') { field.Append('"'); i++; }
                    else quoted = false;
                }
                else if (c == '"') quoted = true;
                else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
                else field.Append(c);
            }
            fields.Add(field.ToString());
            if (fields.Count == 1 && fields[0].Length == 0) continue;
            yield return (start, fields.ToArray(), text.ToString());
        }
    }

    public static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : $"\"{value.Replace("\"", "\"\"")}\"";
}
