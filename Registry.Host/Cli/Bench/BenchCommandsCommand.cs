using Registry.Host.Hosting;
using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Registry.Contracts.Provinces;
using Registry.EventStore;
using Registry.Host.Http;
using Registry.Write.Access;
using Registry.Write.Pipeline;

namespace Registry.Host.Cli.Bench;

/// <summary>
/// <c>registry bench commands --store sqlite|postgres --clients 16 --seconds 10</c>: end-to-end HTTP commands per
/// second and latency percentiles against an in-process server on 127.0.0.1 (the clients share its machine). Each
/// client registers new startups (a new stream each: the append expects no stream) and, every fourth command, grants
/// support to one it registered (a read, a decision and an append at the expected revision). Without
/// <c>--connection</c>, SQLite runs on a new temporary file; PostgreSQL needs a connection (to a throwaway database).
/// Prints one JSON line, with the raw limit of the same log in the same run (single-event appends, no HTTP).
/// </summary>
public static class BenchCommandsCommand
{
    private const string Province = "20";

    public static Command Create()
    {
        var clients = new Option<int>("--clients") { Description = "Concurrent HTTP clients", DefaultValueFactory = _ => 16 };
        var seconds = new Option<int>("--seconds") { Description = "Measured duration (after 2 s of warm-up)", DefaultValueFactory = _ => 10 };
        var command = new Command("commands", "Measure end-to-end HTTP commands/s and latency");
        command.Options.Add(clients);
        command.Options.Add(seconds);
        command.SetAction(async (result, ct) =>
        {
            var kind = result.GetValue(StoreOptions.Store)!;
            await using var scratch = await ScratchDatabase.CreateAsync(kind, result.GetValue(StoreOptions.Connection));
            var location = EventStoreLocation.Parse(kind, scratch.Connection);
            await using var store = await location.OpenAsync(ct: ct);
            await using var app = await StartServerAsync(store, ct);
            var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var key = (await ApiKeys.IssueAsync(store, Role.Admin, [], TimeProvider.System, ct)).PresentedKey;
            await EnsureProvinceAsync(app.Services.GetRequiredService<CommandSender>(), ct);

            var n = result.GetValue(clients);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = n, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
                { BaseAddress = new Uri(url) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            var warmUp = TimeSpan.FromSeconds(2);
            var measured = TimeSpan.FromSeconds(result.GetValue(seconds));
            var clock = Stopwatch.StartNew();
            // CPU and allocations of the whole process (server and clients) over the run: comparable between runs even
            // when other work shares the machine, which wall-clock throughput is not.
            var (cpu0, allocated0, gen2) = (Environment.CpuUsage.TotalTime, GC.GetTotalAllocatedBytes(), GC.CollectionCount(2));
            var runs = await Task.WhenAll(Enumerable.Range(0, n).Select(c => RunClientAsync(http, c, clock, warmUp, warmUp + measured, ct)));
            var (cpu, allocated, gen2Collections) = (Environment.CpuUsage.TotalTime - cpu0, GC.GetTotalAllocatedBytes() - allocated0, GC.CollectionCount(2) - gen2);
            var sent = runs.Sum(r => r.Sent);
            await app.StopAsync(ct);

            var latencies = runs.SelectMany(r => r.Latencies).Order().ToArray();
            var errors = runs.Sum(r => r.Errors);
            var rawAppends = await RawAppendsPerSecondAsync(store, n, TimeSpan.FromSeconds(Math.Min(5, measured.TotalSeconds)), ct);
            double Percentile(double p) => latencies.Length == 0 ? 0 : latencies[(int)Math.Min(latencies.Length - 1, Math.Ceiling(p * latencies.Length) - 1)];
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                bench = "commands", store = location.Kind, clients = n, seconds = measured.TotalSeconds, cores = Environment.ProcessorCount,
                commands = latencies.Length, errors, commandsPerSecond = Math.Round(latencies.Length / measured.TotalSeconds),
                p50Ms = Math.Round(Percentile(0.50), 2), p90Ms = Math.Round(Percentile(0.90), 2), p99Ms = Math.Round(Percentile(0.99), 2),
                maxMs = Math.Round(latencies.Length == 0 ? 0 : latencies[^1], 2), rawAppendsPerSecond = Math.Round(rawAppends),
                cpuMsPerCommand = Math.Round(cpu.TotalMilliseconds / sent, 3), allocatedKbPerCommand = Math.Round(allocated / 1024.0 / sent, 1), gen2Collections,
            }));
            return errors == 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>The raw limit in the same run: single-event appends to new streams by as many writers, without HTTP or pipeline.</summary>
    private static async Task<double> RawAppendsPerSecondAsync(IEventStore store, int writers, TimeSpan duration, CancellationToken ct)
    {
        var data = Encoding.UTF8.GetBytes(Startup("raw"));
        var clock = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
        {
            var count = 0;
            while (clock.Elapsed < duration && !ct.IsCancellationRequested)
            {
                await store.AppendAsync($"benchraw-{w}-{count}-{Guid.NewGuid():N}", ExpectedRevision.NoStream, [new EventData(Guid.NewGuid(), "BenchRaw", data, "{}"u8.ToArray())], ct);
                count++;
            }
            return count;
        }));
        return counts.Sum() / clock.Elapsed.TotalSeconds;
    }

    /// <param name="Sent">Every command sent, warm-up included (what the process's CPU time covers).</param>
    private sealed record ClientRun(List<double> Latencies, int Errors, int Sent);

    private static async Task<ClientRun> RunClientAsync(HttpClient http, int client, Stopwatch clock, TimeSpan from, TimeSpan until, CancellationToken ct)
    {
        var latencies = new List<double>(16_384);
        var errors = 0;
        var registered = new List<string>();
        var i = 0;
        for (; clock.Elapsed < until && !ct.IsCancellationRequested; i++)
        {
            var startupId = $"bench-{client}-{i}-{Guid.NewGuid():N}";
            var (name, body) = i % 4 == 3 && registered.Count > 0
                ? ("GrantSupport", Support(registered[i % registered.Count], $"c{client}-s{i}"))
                : ("RegisterStartup", Startup(startupId));
            var started = clock.Elapsed;
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync($"/api/commands/{name}", content, ct);
            var elapsed = clock.Elapsed;
            if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
            {
                if (elapsed >= from) errors++;
                if (errors == 1) await Console.Error.WriteLineAsync($"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                continue;
            }
            if (name == "RegisterStartup" && registered.Count < 64) registered.Add(startupId);
            if (started >= from && elapsed <= until) latencies.Add((elapsed - started).TotalMilliseconds);
        }
        return new ClientRun(latencies, errors, i);
    }

    private static string Startup(string id) =>
        $$"""{"startupId":"{{id}}","name":"Bench startup","provinceCode":"{{Province}}","sectors":["agritech"],"stage":"project","founders":[{"name":"Nguyễn Văn A"}],"occurredOn":"2024-05-01","source":"bench"}""";

    private static string Support(string startupId, string supportId) =>
        $$"""{"startupId":"{{startupId}}","supportId":"{{supportId}}","programme":"Đề án 844","kind":"training","amountVnd":1000000,"grantedBy":null,"occurredOn":"2024-06-01","source":"bench"}""";

    private static async Task<WebApplication> StartServerAsync(IEventStore store, CancellationToken ct)
    {
        var builder = RegistryWebHost.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(store);
        builder.AddCommands();
        var app = builder.Build();
        app.MapCommands();
        await app.StartAsync(ct);
        return app;
    }

    /// <summary>The commands name Lạng Sơn: registered here when the log does not have it yet.</summary>
    private static async Task EnsureProvinceAsync(CommandSender sender, CancellationToken ct)
    {
        var since = new DateOnly(2008, 8, 1);
        var outcome = await sender.SendAsync(new RegisterProvince(Province, "Lạng Sơn", ProvinceKind.Province, "Northern Midlands and Mountains", since, since, "bench"),
            Guid.NewGuid(), Principal.Admin("bench"), ct);
        if (!outcome.Succeeded && outcome.Error.Kind != CommandErrorKind.RuleBroken) throw new InvalidOperationException(outcome.Error.Detail);
    }
}
