using System.CommandLine;
using System.Text.Json;
using Registry.EventStore;

namespace Registry.Host.Cli.Bench;

/// <summary>
/// <c>registry bench append</c>: appends N events of about 500 bytes (v7 event ids unless <c>--ids v4</c>) in calls of B events from W concurrent writers
/// through the event log, then the same calls into a bare table on the same database (the raw limit), and prints one
/// JSON line with both and their ratio, and the same against the reference table of the machine-limits note. Without <c>--connection</c> it uses a fresh SQLite file on disk, or starts
/// (and afterwards removes) a durable PostgreSQL cluster, since the tests' cluster runs with fsync off.
/// </summary>
public static class BenchAppendCommand
{
    private const int StreamsPerWriter = 1000;

    private static readonly Option<long> Events = new("--events") { Description = "Events to append in the measured run", DefaultValueFactory = _ => 20_000 };
    private static readonly Option<int> Batch = new("--batch") { Description = "Events per append", DefaultValueFactory = _ => 100 };
    private static readonly Option<int> Writers = new("--writers") { Description = "Concurrent writers", DefaultValueFactory = _ => 1 };
    private static readonly Option<string> Ids = new("--ids")
    {
        Description = "Event ids: v7 (time-ordered, as writers should create them) or v4 (random)",
        DefaultValueFactory = _ => "v7",
    };

    public static Command Create()
    {
        var command = new Command("append", "Measure appends against the raw limit of a bare table (writes into --connection, or a scratch database)");
        command.Options.Add(Events);
        command.Options.Add(Batch);
        command.Options.Add(Writers);
        command.Options.Add(Ids);
        command.SetAction(async (ParseResult result, CancellationToken ct) =>
        {
            var (events, batch, writers) = (result.GetValue(Events), result.GetValue(Batch), result.GetValue(Writers));
            if (events < 1) throw new ArgumentException("--events must be at least 1");
            if (batch < 1 || batch > AppendLimits.Default.MaxEventsPerAppend) throw new ArgumentException($"--batch must be between 1 and {AppendLimits.Default.MaxEventsPerAppend}");
            if (writers < 1) throw new ArgumentException("--writers must be at least 1");
            var ids = result.GetValue(Ids);
            if (ids is not ("v7" or "v4")) throw new ArgumentException($"--ids must be v7 or v4, not '{ids}'");
            var timeOrdered = ids == "v7";
            var kind = EventStoreLocation.Parse(result.GetValue(StoreOptions.Store), "unused").Kind;
            var given = result.GetResult(StoreOptions.Connection) is { Implicit: false } ? result.GetValue(StoreOptions.Connection) : null;

            await using var scratch = await ScratchDatabase.CreateAsync(kind, given);
            var location = EventStoreLocation.Parse(kind, scratch.Connection);
            var warmup = Math.Min(Math.Max(events / 10, batch), 2000);

            WorkloadResult store;
            await using (var log = await location.OpenAsync(ct: ct))
            {
                Task Append(string prefix, int w, long call, long first, int count) =>
                    log.AppendAsync($"{prefix}-{w}_{call % StreamsPerWriter}", ExpectedRevision.Any, BenchPayload.Batch(first, count, timeOrdered));
                await AppendWorkload.WarmUpAsync(warmup, batch, writers, (prefix, w, call, first, count) => Append(prefix, w, call, first, count));
                store = await AppendWorkload.RunAsync(events, batch, writers, (w, call, first, count) => Append("bench", w, call, first, count));
            }

            var raw = await RawLimitAsync(kind, location.Connection, RawTableKind.Bare, events, batch, writers, warmup, timeOrdered);
            var reference = await RawLimitAsync(kind, location.Connection, RawTableKind.Reference, events, batch, writers, warmup, timeOrdered);

            Console.WriteLine(JsonSerializer.Serialize(new
            {
                store = kind,
                events,
                batch,
                writers,
                ids,
                events_per_s = Math.Round(store.EventsPerSecond),
                p50_ms = Math.Round(store.P50Milliseconds, 3),
                p99_ms = Math.Round(store.P99Milliseconds, 3),
                raw_events_per_s = Math.Round(raw.EventsPerSecond),
                raw_p50_ms = Math.Round(raw.P50Milliseconds, 3),
                raw_p99_ms = Math.Round(raw.P99Milliseconds, 3),
                ratio = Math.Round(store.EventsPerSecond / raw.EventsPerSecond, 3),
                reference_events_per_s = Math.Round(reference.EventsPerSecond),
                reference_p50_ms = Math.Round(reference.P50Milliseconds, 3),
                reference_p99_ms = Math.Round(reference.P99Milliseconds, 3),
                reference_ratio = Math.Round(store.EventsPerSecond / reference.EventsPerSecond, 3),
            }));
            return 0;
        });
        return command;
    }

    /// <summary>The same calls into a plain table of <paramref name="table"/>'s kind on the same database.</summary>
    private static async Task<WorkloadResult> RawLimitAsync(string kind, string connection, RawTableKind table, long events, int batch, int writers,
        long warmup, bool timeOrdered)
    {
        await using var raw = kind == EventStoreLocation.Postgres
            ? (IRawTable)await PostgresRawTable.OpenAsync(connection, writers, table)
            : await SqliteRawTable.OpenAsync(connection, writers, table);
        Task Insert(string prefix, int w, long call, long first, int count) =>
            raw.InsertAsync(w, $"{prefix}-{w}_{call % StreamsPerWriter}", call / StreamsPerWriter * batch, BenchPayload.Batch(first, count, timeOrdered));
        await AppendWorkload.WarmUpAsync(warmup, batch, writers, (prefix, w, call, first, count) => Insert(prefix, w, call, first, count));
        return await AppendWorkload.RunAsync(events, batch, writers, (w, call, first, count) => Insert("bench", w, call, first, count));
    }
}
