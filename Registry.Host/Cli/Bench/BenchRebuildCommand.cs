using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Registry.Contracts.Common;
using Registry.EventStore;
using Registry.Projections;
using Registry.Projections.Rebuild;
using Registry.Projections.Runtime;
using Registry.Read;

namespace Registry.Host.Cli.Bench;

/// <summary>
/// <c>registry bench rebuild [--store sqlite|postgres] [--connection …] [--events 1000000]</c>: fills an empty log with a
/// generated history (every kind of event, corrections, the 2025 reform), then rebuilds every read model from it in
/// a new generation, and prints events/s and the peak memory of the rebuild, and its raw limit measured in the same run
/// (<see cref="ReadModelRawLimit"/>). A log that already holds the events is
/// reused, so the rebuild can be measured again; <c>--page-size</c> sets the events per transaction.
/// </summary>
public static class BenchRebuildCommand
{
    private static readonly Option<int> Events = new("--events") { Description = "Events in the generated history", DefaultValueFactory = _ => 1_000_000 };
    private static readonly Option<int?> PageSize = new("--page-size") { Description = "Events applied per transaction (default: the rebuilder's)" };

    public static Command Create()
    {
        var command = new Command("rebuild", "Generate a history and rebuild every read model from it: events/s and peak memory") { Events, PageSize };
        command.SetAction(async (ParseResult r, CancellationToken ct) =>
        {
            var location = BenchStore.Location(r);
            var events = r.GetValue(Events);
            await using var store = await location.OpenAsync(ct: ct);
            var head = await store.GetHeadPositionAsync(ct);
            if (head == 0)
            {
                var sw = Stopwatch.StartNew();
                await AppendAsync(store, new HistoryGenerator().Generate(events), ct);
                head = await store.GetHeadPositionAsync(ct);
                Console.WriteLine($"generated and appended {head:N0} events in {sw.Elapsed.TotalSeconds:F1} s ({head / sw.Elapsed.TotalSeconds:N0} events/s)");
            }
            else if (head < events)
            {
                await Console.Error.WriteLineAsync($"the log holds {head:N0} events, fewer than --events {events:N0}: give an empty database");
                return 2;
            }
            else Console.WriteLine($"reusing the log's {head:N0} events");

            await using var db = ReadDatabase.For(location);
            var projections = ReadModels.All();
            var generation = await NextGenerationAsync(db, projections, ct);
            GC.Collect();
            BenchStore.ResetPeakMemory();
            // CPU time beside wall time: on a shared machine the wall clock measures the neighbours too.
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var phases = new List<string>();
            var phaseStart = TimeSpan.Zero;
            void PhaseDone(string phase)
            {
                phases.Add(string.Create(CultureInfo.InvariantCulture, $"{phase} {(watch.Elapsed - phaseStart).TotalSeconds:F1} s"));
                phaseStart = watch.Elapsed;
            }
            var rebuilder = r.GetValue(PageSize) is { } pageSize
                ? new OfflineRebuilder(store, db.CreateConnection, db.Dialect) { PageSize = pageSize, PhaseDone = PhaseDone }
                : new OfflineRebuilder(store, db.CreateConnection, db.Dialect) { PhaseDone = PhaseDone };
            var last = await rebuilder.RebuildAsync(projections, generation,
                new Progress<long>(p => Console.Error.Write($"\r{p:N0} / {head:N0}")), ct);
            watch.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.Error.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rebuilt {projections.Count} projections over {last:N0} events in {watch.Elapsed.TotalSeconds:F1} s: {last / watch.Elapsed.TotalSeconds:N0} events/s, peak memory {BenchStore.PeakMemoryMb():N0} MB, CPU {cpu.TotalSeconds:F1} s ({location.Kind}, {Environment.ProcessorCount} cores; {string.Join(", ", phases)})"));

            var tables = projections.SelectMany(p => p.Tables.Select(t => ProjectionBatch.TableName(t, generation))).ToList();
            var raw = await ReadModelRawLimit.MeasureAsync(db, tables, ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"raw limit: the same rows copied inside the database into bare tables and indexed alike in {raw.TotalSeconds:F1} s ({last / raw.TotalSeconds:N0} events/s without reading or projecting an event); the rebuild ran at {raw.TotalSeconds / watch.Elapsed.TotalSeconds:F2} of it"));
            return 0;
        });
        return command;
    }

    /// <summary>Appends one event per append with many in flight, so the log's group commit batches them.</summary>
    private static async Task AppendAsync(IEventStore store, IEnumerable<GeneratedEvent> history, CancellationToken ct)
    {
        const int InFlight = 512;
        var pending = new Queue<Task>();
        foreach (var e in history)
        {
            if (pending.Count >= InFlight) await pending.Dequeue();
            var metadata = new EventMetadata(e.Data.OccurredOn, "bench", e.Data.Source, e.EventId, e.EventId);
            pending.Enqueue(store.AppendAsync(e.Stream, ExpectedRevision.Any,
            [
                new EventData(e.EventId, e.Data.GetType().Name, JsonSerializer.SerializeToUtf8Bytes(e.Data, e.Data.GetType(), RegistryJson.Options),
                    JsonSerializer.SerializeToUtf8Bytes(metadata, RegistryJson.Options)),
            ], ct));
        }
        await Task.WhenAll(pending);
    }

    /// <summary>The generation after the highest one already built; the tables of every earlier one are dropped first
    /// (the views move to the new one), so repeated runs on one database do not pile generations up.</summary>
    private static async Task<int> NextGenerationAsync(ReadDatabase db, IReadOnlyList<IProjection> projections, CancellationToken ct)
    {
        const int Probed = 100;
        await using var connection = await db.OpenAsync(ct);
        var generation = 1;
        for (var g = 1; g <= Probed; g++)
            if (await ExistsAsync(connection, ProjectionBatch.TableName(projections[0].Tables[0], g), ct)) generation = g + 1;
        foreach (var table in projections.SelectMany(p => p.Tables))
        {
            await connection.ExecuteAsync($"DROP VIEW IF EXISTS {table}");
            for (var g = 1; g < generation; g++) await connection.ExecuteAsync($"DROP TABLE IF EXISTS {ProjectionBatch.TableName(table, g)}");
        }
        return generation;
    }

    private static async Task<bool> ExistsAsync(System.Data.Common.DbConnection connection, string table, CancellationToken ct)
    {
        try
        {
            await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT count(*) FROM (SELECT 1 FROM {table} LIMIT 1) t", cancellationToken: ct));
            return true;
        }
        catch (System.Data.Common.DbException)
        {
            return false;
        }
    }
}
