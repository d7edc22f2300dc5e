using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Registry.Contracts.Common;
using Registry.EventStore;
using Registry.Host.Cli.Output;
using Registry.Projections;
using Registry.Projections.Rebuild;
using Registry.Read;
using Registry.Read.Provinces;

namespace Registry.Host.Cli.Audit;

/// <summary>
/// <c>registry replay --until POSITION|TIMESTAMP [--stream S | --province CODE] [--format table|json]</c>: rebuilds the
/// registry's state from the events alone, up to a moment, and prints it. The events up to that moment are copied into
/// a scratch log on the shared-memory file system (so in memory) and every read model is built from them by the same
/// projections, ignoring the read models already stored: an auditor can compare it with what a query said asOf then.
/// </summary>
public static class ReplayCommand
{
    public static Command Create()
    {
        var until = new Option<string>("--until") { Description = "A log position, or an ISO timestamp (a bare date means the end of that day, UTC)", Required = true };
        var stream = new Option<string?>("--stream") { Description = "Print the state of one stream (its current rows in every read model)" };
        var province = new Option<string?>("--province") { Description = "Print one province's dashboard, year by year" };
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("replay", "Rebuild state from the events alone up to a moment, and print it") { until, stream, province, format };
        command.Validators.Add(r =>
        {
            if (r.GetValue(stream) is not null && r.GetValue(province) is not null) r.AddError("--stream and --province: give one or the other");
        });
        command.SetAction(async (result, ct) =>
        {
            if (ReadOnlyStore.Missing(StoreOptions.Location(result)) is { } missing)
            {
                await Console.Error.WriteLineAsync(missing);
                return 2;
            }
            await using var source = await StoreOptions.Location(result).OpenAsync(ct: ct);
            var last = await UntilPositionAsync(source, result.GetValue(until)!, ct);
            if (last is null)
            {
                await Console.Error.WriteLineAsync($"--until: '{result.GetValue(until)}' is neither a log position nor an ISO timestamp");
                return 2;
            }

            var folder = Path.Combine(Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(), "registry-replay-" + Guid.NewGuid().ToString("N")[..8]);
            try
            {
                var location = new EventStoreLocation(EventStoreLocation.Sqlite, Path.Combine(folder, "replay.db"));
                await using var replay = await location.OpenAsync(ct: ct);
                await CopyAsync(source, replay, last.Value, ct);
                await using var db = ReadDatabase.For(location);
                await new OfflineRebuilder(replay, db.CreateConnection, db.Dialect).RebuildAsync(ReadModels.All(), 1, ct: ct);
                var json = result.GetValue(format) == "json";
                Console.Error.WriteLine($"Replayed {last.Value} events (up to position {last.Value}).");
                if (result.GetValue(stream) is { } s) await PrintStreamAsync(db, s, json, ct);
                else if (result.GetValue(province) is { } code) await PrintProvinceAsync(db, code, await source.ReadAllAsync(Direction.Forwards, Math.Max(last.Value, 1), 1, ct: ct).Select(e => e.Recorded).FirstOrDefaultAsync(ct), json, ct);
                else Print(await GetProvinces.RunAsync(db, null, null, ct), r => r.Provinces, json);
                return 0;
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            }
        });
        return command;
    }

    /// <summary>The last position at or before the moment: a position as given, or the last event recorded by a timestamp.</summary>
    private static async Task<long?> UntilPositionAsync(IEventStore store, string until, CancellationToken ct)
    {
        var head = await store.GetHeadPositionAsync(ct);
        if (long.TryParse(until, NumberStyles.None, CultureInfo.InvariantCulture, out var position)) return Math.Min(position, head);
        if (!DateTimeOffset.TryParse(until, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)) return null;
        if (until.Length == 10) moment = moment.AddDays(1).AddTicks(-1);
        var last = 0L;
        await foreach (var e in store.ReadAllAsync(Direction.Forwards, 1, head, ct: ct))
        {
            if (e.Recorded > moment) break;
            last = e.Position;
        }
        return last;
    }

    private static async Task CopyAsync(IEventStore source, IEventStore replay, long last, CancellationToken ct)
    {
        if (last == 0) return;
        await foreach (var e in source.ReadAllAsync(Direction.Forwards, 1, last, ct: ct))
            await replay.AppendAsync(e.StreamName, ExpectedRevision.Any, [new EventData(e.EventId, e.EventType, e.Data, e.Metadata)], ct);
    }

    private static async Task PrintStreamAsync(ReadDatabase db, string stream, bool json, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var state = new Dictionary<string, List<IDictionary<string, object?>>>();
        foreach (var table in ReadModels.All().SelectMany(p => p.Tables.Except(p.WorkingTables)))
        {
            var rows = (await connection.QueryAsync(new CommandDefinition($"SELECT * FROM {table} WHERE stream = @stream AND valid_to IS NULL",
                new { stream }, cancellationToken: ct))).Cast<IDictionary<string, object?>>().ToList();
            if (rows.Count > 0) state[table] = rows;
        }
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(state, new JsonSerializerOptions(RegistryJson.Options) { WriteIndented = true }));
            return;
        }
        if (state.Count == 0) Console.WriteLine($"(no state for {stream} at that moment)");
        foreach (var (table, rows) in state)
        {
            Console.WriteLine($"== {table}");
            foreach (var row in rows) Console.WriteLine(string.Join("  ", row.Where(c => c.Value is not null).Select(c => $"{c.Key}={c.Value}")));
        }
    }

    private static async Task PrintProvinceAsync(ReadDatabase db, string code, DateTimeOffset recorded, bool json, CancellationToken ct)
    {
        var dashboards = new List<Contracts.Provinces.ProvinceDashboard>();
        for (var year = 2016; year <= Math.Max(recorded.Year, 2016); year++)
            if (await GetProvinceDashboard.RunAsync(db, code, year.ToString(CultureInfo.InvariantCulture), null, null, ct) is { } dashboard)
                dashboards.Add(dashboard);
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(dashboards, new JsonSerializerOptions(RegistryJson.Options) { WriteIndented = true }));
            return;
        }
        if (dashboards.Count == 0) Console.WriteLine($"(province {code} is not a unit of the map at that moment)");
        RowsWriter.Write(Console.Out, dashboards.SelectMany(d => d.Figures.Select(f => (object)new { d.Year, d.Code, d.Name, f.Metric, f.Value })).ToList(), "table");
    }

    private static void Print<T>(T result, Func<T, IEnumerable<object>> rows, bool json)
    {
        if (json) Console.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions(RegistryJson.Options) { WriteIndented = true }));
        else RowsWriter.Write(Console.Out, rows(result).ToList(), "table");
    }
}
