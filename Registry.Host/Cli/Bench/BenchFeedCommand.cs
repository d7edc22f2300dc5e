using Registry.Host.Hosting;
using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Registry.EventStore;
using Registry.Host.Feeds;
using Registry.Host.Grpc;
using Registry.Host.Http;

namespace Registry.Host.Cli.Bench;

/// <summary>
/// <c>registry bench feed --subscribers 50 --seconds 10 --rate 100 --catchup-events 1000000</c>: the partner feeds,
/// served by an in-process server on loopback ports (HTTP for SSE, plaintext HTTP/2 for gRPC) over a fresh log.
/// <list type="bullet">
/// <item>Catch-up: the log is filled with N events of about 500 bytes; after a warm-up read of the first 50,000 over
/// each protocol, one subscriber reads them all from the start, over gRPC and then over SSE: events per second.</item>
/// <item>Live: the subscribers (half gRPC, half SSE) follow from the end while one writer appends single events at
/// the given rate; the latency of each delivery runs from the start of the event's append to its arrival, so it
/// includes the commit. p50/p99/max per protocol, and how many deliveries were missed (should be 0).</item>
/// </list>
/// Everything shares the machine with the server. Prints one JSON line, with the process CPU time of each catch-up
/// (server and subscriber together): on a shared machine the wall clock also measures the neighbours.
/// </summary>
public static class BenchFeedCommand
{
    public static Command Create()
    {
        var subscribers = new Option<int>("--subscribers") { Description = "Live subscribers, half gRPC and half SSE", DefaultValueFactory = _ => 50 };
        var seconds = new Option<int>("--seconds") { Description = "Duration of the live writes", DefaultValueFactory = _ => 10 };
        var rate = new Option<int>("--rate") { Description = "Live appends per second (one event each)", DefaultValueFactory = _ => 100 };
        var catchUp = new Option<int>("--catchup-events") { Description = "Events in the log for the catch-up read", DefaultValueFactory = _ => 1_000_000 };
        var command = new Command("feed", "Append-to-delivery latency of live gRPC and SSE subscribers, and catch-up throughput")
            { subscribers, seconds, rate, catchUp };
        command.SetAction(async (result, ct) =>
        {
            var kind = result.GetValue(StoreOptions.Store)!;
            await using var scratch = await ScratchDatabase.CreateAsync(kind, result.GetValue(StoreOptions.Connection));
            var location = EventStoreLocation.Parse(kind, scratch.Connection);
            await using var store = await location.OpenAsync(ct: ct);
            var (httpPort, grpcPort) = (FreePort(), FreePort());
            await using var app = await StartServerAsync(store, httpPort, grpcPort, ct);
            var grpc = new Uri($"http://127.0.0.1:{grpcPort}");
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue })
                { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = Timeout.InfiniteTimeSpan };

            var n = result.GetValue(catchUp);
            var fill = Stopwatch.StartNew();
            await BenchVerifyCommand.Fill(store, n, ct);
            var fillSeconds = fill.Elapsed.TotalSeconds;
            // Warm-up, as the other benches do: a short catch-up per protocol, so that the measured ones run on
            // compiled code and open connections rather than timing the JIT's first passes.
            var warmUp = Math.Min(n, 50_000);
            await CatchUpAsync(s => s.FollowGrpcAsync(grpc, 0, warmUp, ct), warmUp);
            await CatchUpAsync(s => s.FollowSseAsync(http, 0, warmUp, ct), warmUp);
            var grpcCatchUp = await CatchUpAsync(s => s.FollowGrpcAsync(grpc, 0, n, ct), n);
            var sseCatchUp = await CatchUpAsync(s => s.FollowSseAsync(http, 0, n, ct), n);

            var live = await LiveAsync(store, grpc, http, result.GetValue(subscribers), result.GetValue(rate), TimeSpan.FromSeconds(result.GetValue(seconds)), ct);
            await app.StopAsync(ct);

            Console.WriteLine(JsonSerializer.Serialize(new
            {
                bench = "feed", store = location.Kind, cores = Environment.ProcessorCount,
                catchUpEvents = n, fillEventsPerSecond = Math.Round(n / fillSeconds),
                grpcCatchUpEventsPerSecond = Math.Round(grpcCatchUp.EventsPerSecond), grpcCatchUpCpuSeconds = Math.Round(grpcCatchUp.CpuSeconds, 2),
                sseCatchUpEventsPerSecond = Math.Round(sseCatchUp.EventsPerSecond), sseCatchUpCpuSeconds = Math.Round(sseCatchUp.CpuSeconds, 2),
                live.Subscribers, live.Appends, live.AppendsPerSecond,
                grpc = live.Grpc, sse = live.Sse,
            }, JsonSerializerOptions.Web));
            return live.Grpc.Missed + live.Sse.Missed == 0 ? 0 : 1;
        });
        return command;
    }

    private sealed record CatchUp(double EventsPerSecond, double CpuSeconds);

    /// <summary>Events per second for one subscriber reading the whole log from the start, and the CPU it took.</summary>
    private static async Task<CatchUp> CatchUpAsync(Func<FeedSubscriber, Task> follow, long n)
    {
        var subscriber = new FeedSubscriber();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await follow(subscriber);
        var elapsed = clock.Elapsed.TotalSeconds;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        if (subscriber.Received.Count != n) throw new InvalidOperationException($"catch-up read {subscriber.Received.Count} events, not {n}");
        return new CatchUp(n / elapsed, cpu.TotalSeconds);
    }

    private sealed record Latency(int Subscribers, long Deliveries, long Missed, double P50Ms, double P99Ms, double MaxMs);

    private sealed record LiveRun(int Subscribers, int Appends, double AppendsPerSecond, Latency Grpc, Latency Sse);

    private static async Task<LiveRun> LiveAsync(IEventStore store, Uri grpc, HttpClient http, int subscribers, int rate, TimeSpan duration,
        CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var grpcSubscribers = Enumerable.Range(0, subscribers / 2 + subscribers % 2).Select(_ => new FeedSubscriber()).ToList();
        var sseSubscribers = Enumerable.Range(0, subscribers / 2).Select(_ => new FeedSubscriber()).ToList();
        var following = grpcSubscribers.Select(s => Task.Run(() => s.FollowGrpcAsync(grpc, null, long.MaxValue, stop.Token)))
            .Concat(sseSubscribers.Select(s => Task.Run(() => s.FollowSseAsync(http, null, long.MaxValue, stop.Token)))).ToList();
        await Task.WhenAll(grpcSubscribers.Concat(sseSubscribers).Select(s => s.Connected)).WaitAsync(TimeSpan.FromSeconds(60), ct);

        // Appended at a steady pace; each event's position is noted with the moment its append started.
        var started = new ConcurrentDictionary<long, long>();
        var data = Encoding.UTF8.GetBytes($$"""{"trainingId":"live","title":"{{new string('x', 380)}}","participants":1}""");
        var metadata = """{"occurredOn":"2023-01-01","source":"bench"}"""u8.ToArray();
        var clock = Stopwatch.StartNew();
        var appends = 0;
        for (; clock.Elapsed < duration; appends++)
        {
            var due = TimeSpan.FromSeconds((double)appends / rate);
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed, ct);
            var at = Stopwatch.GetTimestamp();
            var appended = await store.AppendAsync($"training-live{appends % 64}", ExpectedRevision.Any,
                [new EventData(Guid.NewGuid(), "TrainingRecorded", data, metadata)], ct);
            started[appended.LastPosition] = at;
        }
        var appendsPerSecond = appends / clock.Elapsed.TotalSeconds;
        await Task.Delay(TimeSpan.FromSeconds(2), ct); // the last deliveries
        await stop.CancelAsync();
        await Task.WhenAll(following);
        return new LiveRun(subscribers, appends, Math.Round(appendsPerSecond, 1), Measure(grpcSubscribers, started), Measure(sseSubscribers, started));
    }

    private static Latency Measure(IReadOnlyList<FeedSubscriber> subscribers, IReadOnlyDictionary<long, long> started)
    {
        var latencies = subscribers.SelectMany(s => s.Received.Where(r => started.ContainsKey(r.Position))
            .Select(r => Stopwatch.GetElapsedTime(started[r.Position], r.ArrivedAt).TotalMilliseconds)).Order().ToArray();
        double Percentile(double p) => latencies.Length == 0 ? 0 : latencies[(int)Math.Min(latencies.Length - 1, Math.Ceiling(p * latencies.Length) - 1)];
        var missed = (long)subscribers.Count * started.Count - latencies.Length;
        return new Latency(subscribers.Count, latencies.Length, missed, Math.Round(Percentile(0.50), 2), Math.Round(Percentile(0.99), 2),
            Math.Round(latencies.Length == 0 ? 0 : latencies[^1], 2));
    }

    /// <summary>The feed and the gRPC endpoint exactly as <c>registry serve</c> wires them (plaintext loopback gRPC reads as a partner).</summary>
    private static async Task<WebApplication> StartServerAsync(IEventStore store, int httpPort, int grpcPort, CancellationToken ct)
    {
        var builder = RegistryWebHost.CreateBuilder();
        builder.ListenForHttpAndGrpc([$"http://127.0.0.1:{httpPort}"], GrpcEndpointSettings.Create($"127.0.0.1:{grpcPort}", null));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(store);
        builder.Services.AddRegistryGrpc();
        builder.AddCommands();
        var app = builder.Build();
        app.MapFeed();
        app.MapRegistryGrpc();
        await app.StartAsync(ct);
        return app;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
