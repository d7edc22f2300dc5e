using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Registry.EventStore;
using Registry.EventStore.Integrity;

namespace Registry.Host.Cli.Bench;

/// <summary>
/// <c>registry bench verify --events N</c>: fills a fresh log with N events of about 500 bytes, then times
/// <c>registry verify</c>'s chain check against the raw limit measured in the same run on the same database: the same
/// scan of every row without hashing.
/// </summary>
public static class BenchVerifyCommand
{
    public static Command Create()
    {
        var events = new Option<int>("--events") { Description = "Events in the log", DefaultValueFactory = _ => 1_000_000 };
        var command = new Command("verify", "Throughput of the hash-chain verification, against a bare scan of the same rows") { events };
        command.SetAction(async (result, ct) =>
        {
            var kind = result.GetValue(StoreOptions.Store)!;
            await using var scratch = await ScratchDatabase.CreateAsync(kind, result.GetValue(StoreOptions.Connection));
            var location = EventStoreLocation.Parse(kind, scratch.Connection);
            await using var store = await location.OpenAsync(ct: ct);
            var n = result.GetValue(events);
            await Fill(store, n, ct);

            // Warm the cache once, then measure the bare scan and the verification back to back.
            await Scan(store, ct);
            var raw = await Scan(store, ct);
            // CPU time beside wall time: on a shared machine events per CPU-second is the steadier figure.
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var verification = await ChainVerifier.VerifyAsync(store, ct: ct);
            var verify = clock.Elapsed;
            var verifyCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            if (!verification.Ok) throw new InvalidOperationException($"the generated log does not verify: {verification.Problem!.Detail}");

            Console.WriteLine(JsonSerializer.Serialize(new
            {
                bench = "verify",
                store = location.Kind,
                events = verification.EventsChecked,
                verifySeconds = Math.Round(verify.TotalSeconds, 3),
                verifyEventsPerSecond = Math.Round(verification.EventsChecked / verify.TotalSeconds),
                verifyCpuSeconds = Math.Round(verifyCpu.TotalSeconds, 3),
                verifyEventsPerCpuSecond = Math.Round(verification.EventsChecked / verifyCpu.TotalSeconds),
                rawScanEventsPerSecond = Math.Round(n / raw.TotalSeconds),
                ratioToRaw = Math.Round(raw.TotalSeconds / verify.TotalSeconds, 3),
            }));
            return 0;
        });
        return command;
    }

    /// <summary>N events of about 500 bytes (TrainingRecorded, in 64 streams), appended 1,000 at a time.</summary>
    public static async Task Fill(IEventStore store, int n, CancellationToken ct)
    {
        const int batch = 1000;
        var payload = new string('x', 380);
        for (var written = 0; written < n; written += batch)
        {
            var size = Math.Min(batch, n - written);
            var list = new List<EventData>(size);
            for (var i = 0; i < size; i++)
                list.Add(new EventData(Guid.NewGuid(), "TrainingRecorded",
                    Encoding.UTF8.GetBytes($$"""{"trainingId":"t{{written + i}}","title":"{{payload}}","participants":{{i}}}"""),
                    """{"occurredOn":"2023-01-01","source":"bench"}"""u8.ToArray()));
            await store.AppendAsync($"training-bench{written / batch % 64}", ExpectedRevision.Any, list, ct);
        }
    }

    private static async Task<TimeSpan> Scan(SqlEventStore store, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        long bytes = 0;
        await foreach (var e in store.ScanAsync(1, long.MaxValue, ct)) bytes += e.Data.Length;
        return clock.Elapsed;
    }
}
