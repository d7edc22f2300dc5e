using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Registry.Write.Pipeline;

namespace Registry.Host.Cli.Import;

/// <summary>
/// Bulk loads: each row of a CSV or JSON Lines file is one command, sent through the write pipeline like any other.
/// A row either lands whole or goes, with its reason, to <c>{file}.rejects.csv</c>. Its command id is derived from
/// the command name and the row's content (not from the file's name or the row's place), so running the same import
/// again, or a file with some rows repeated, writes nothing twice.
/// </summary>
public sealed class Importer(CommandSender sender, Principal principal)
{
    public const int Parallelism = 8;

    public static string RejectsFileOf(string file) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, Path.GetFileNameWithoutExtension(file) + ".rejects.csv");

    public async Task<ImportSummary> ImportAsync(string file, string commandName, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        if (!sender.Catalogue.TryGet(commandName, out var useCase)) throw new ArgumentException($"There is no command named '{commandName}'.", nameof(commandName));
        await CheckUtf8Async(file, ct);
        var rows = ReadRows(file, useCase.CommandType).ToList();
        var outcomes = new (string? Reason, bool Already)[rows.Count];
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, rows.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (i, token) =>
            {
                var row = rows[i];
                if (row.Problem is not null) outcomes[i] = (row.Problem, false);
                else
                {
                    var body = row.Body!.ToJsonString();
                    var commandId = DeterministicId.ForCommand($"import/{useCase.Name}/{body}");
                    using var json = JsonDocument.Parse(body);
                    var outcome = await sender.SendAsync(useCase.Name, json.RootElement, commandId, principal, token);
                    outcomes[i] = outcome.Succeeded ? (null, outcome.Result.AlreadyRecorded) : (Reason(outcome.Error), false);
                }
                progress?.Report((Interlocked.Increment(ref done), rows.Count));
            });

        var rejectsFile = RejectsFileOf(file);
        File.Delete(rejectsFile);
        var rejected = Enumerable.Range(0, rows.Count).Where(i => outcomes[i].Reason is not null).ToList();
        if (rejected.Count > 0)
        {
            var text = new StringBuilder("line,reason,row\n");
            foreach (var i in rejected)
                text.Append(rows[i].Line).Append(',').Append(CsvReader.Quote(outcomes[i].Reason!)).Append(',').Append(CsvReader.Quote(rows[i].Text)).Append('\n');
            await File.WriteAllTextAsync(rejectsFile, text.ToString(), ct);
        }
        var already = outcomes.Count(o => o.Reason is null && o.Already);
        return new ImportSummary(rows.Count, rows.Count - rejected.Count - already, already, rejected.Count, rejected.Count > 0 ? rejectsFile : null);
    }

    private static string Reason(CommandError error) => $"{error.Kind}: {error.Detail}";

    /// <summary>
    /// A file in another encoding (a spreadsheet's Windows-1258 or UTF-16 export) would otherwise be read with every
    /// Vietnamese letter replaced by U+FFFD and recorded so: it is refused whole, before any row is sent.
    /// </summary>
    private static async Task CheckUtf8Async(string file, CancellationToken ct)
    {
        var bytes = await File.ReadAllBytesAsync(file, ct);
        var chars = new char[bytes.Length];
        if (System.Text.Unicode.Utf8.ToUtf16(bytes, chars, out var read, out _, replaceInvalidSequences: false) == System.Buffers.OperationStatus.Done) return;
        var line = bytes.AsSpan(0, read).Count((byte)'\n') + 1;
        throw new InvalidDataException($"{file}: line {line} is not UTF-8 text (byte {read} is 0x{bytes[read]:X2}); save the file as UTF-8. Nothing was imported.");
    }

    private sealed record Row(int Line, string Text, JsonObject? Body, string? Problem);

    private static IEnumerable<Row> ReadRows(string file, Type commandType)
    {
        using var reader = new StreamReader(file, Encoding.UTF8);
        if (file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            string[]? header = null;
            foreach (var (line, fields, text) in CsvReader.Read(reader))
            {
                if (header is null) { header = fields; continue; }
                // A spreadsheet's export often ends with rows of empty cells (",,,,"): nothing to import, nothing to reject.
                if (fields.All(string.IsNullOrWhiteSpace)) continue;
                if (fields.Length > header.Length)
                {
                    yield return new Row(line, text, null, $"Invalid: has {fields.Length} fields, the header {header.Length}");
                    continue;
                }
                JsonObject? body = null;
                string? problem = null;
                try { body = CsvRowToJson.Convert(header, fields, commandType); }
                catch (FormatException e) { problem = $"Invalid: {e.Message}"; }
                yield return new Row(line, text, body, problem);
            }
        }
        else
        {
            var line = 0;
            while (reader.ReadLine() is { } text)
            {
                line++;
                if (string.IsNullOrWhiteSpace(text)) continue;
                JsonNode? node = null;
                string? problem = null;
                try { node = JsonNode.Parse(text); }
                catch (JsonException e) { problem = $"Invalid: not valid JSON: {e.Message}"; }
                yield return node is JsonObject body ? new Row(line, text, body, null)
                    : new Row(line, text, null, problem ?? "Invalid: a line must be a JSON object with the command's fields");
            }
        }
    }
}
