using System.Diagnostics;
using Dapper;
using Registry.Projections;
using Registry.Projections.Runtime;

namespace Registry.Tests.Projections.Runtime;

/// <summary>
/// The runtime in real processes of the published binary, on the built-in diagnostic projections: SIGKILL at random
/// points, the takeover by a standby process, and the CLI. Every run ends by comparing every table with a clean
/// rebuild of the same log in a new generation.
/// </summary>
public sealed class ProjectionProcessSpecs(string kind) : ProjectionRuntimeFixture(kind)
{
    private static readonly string[] Diagnostics = ["event_counts", "stream_heads"];

    [Test]
    public async Task A_worker_killed_at_random_points_neither_loses_nor_doubles_an_effect()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        TestContext.Out.WriteLine($"seed {seed}");
        await AppendAsync(20_000, streams: 400);
        for (var round = 0; round < 4; round++)
        {
            using var worker = RegistryProcess.StartProjectionWorker(Location);
            // The kill point is drawn over what is still to do, including the events appended during the round.
            var head = await Store.GetHeadPositionAsync() + 1_000;
            var appending = AppendAsync(1_000, streams: 400);
            var from = await LowestCheckpointAsync();
            var target = from + random.NextInt64(1, head - from + 1);
            await UntilAsync(async () => !worker.HasExited ? await LowestCheckpointAsync() >= target : throw new AssertionException(worker.Output), $"round {round}: reaching {target}");
            worker.Kill();
            await appending;
            TestContext.Out.WriteLine($"round {round}: killed at checkpoint >= {target} (head {head})");
        }

        using (var last = RegistryProcess.StartProjectionWorker(Location))
        {
            await CatchUpAsync(Diagnostics);
            await UntilAsync(async () => await OwnedByAsync(last), "the last process owns both projections");
            await last.StopAsync();
        }
        await AssertIdenticalToCleanRebuildAsync();
    }

    [Test]
    public async Task When_the_owner_dies_a_standby_process_takes_over_within_10_seconds()
    {
        await AppendAsync(3_000, streams: 100);
        using var first = RegistryProcess.StartProjectionWorker(Location);
        await UntilAsync(async () => await OwnedByAsync(first), "the first process owns both projections");
        using var second = RegistryProcess.StartProjectionWorker(Location);
        await AppendAsync(1_000, streams: 100);
        await CatchUpAsync(Diagnostics);
        Assert.That(await OwnedByAsync(first), Is.True, "the second process stands by");

        first.Kill();
        var clock = Stopwatch.StartNew();
        var appending = AppendAsync(1_000, streams: 100);
        await UntilAsync(async () => await OwnedByAsync(second), "the standby takes over");
        var takeover = clock.Elapsed;
        await appending;
        TestContext.Out.WriteLine($"takeover after {takeover.TotalSeconds:F1} s");
        Assert.That(takeover, Is.LessThan(TimeSpan.FromSeconds(10)));

        await CatchUpAsync(Diagnostics);
        await second.StopAsync();
        await AssertIdenticalToCleanRebuildAsync();
    }

    [Test]
    public async Task The_cli_rebuilds_without_a_server_and_shows_the_status()
    {
        await AppendAsync(2_000);
        using var rebuild = RegistryProcess.Start(Location, "projections", "rebuild", "stream_heads");
        Assert.That(await rebuild.WaitForExitAsync(), Is.Zero, rebuild.Output);
        using var again = RegistryProcess.Start(Location, "projections", "rebuild", "stream_heads");
        Assert.That(await again.WaitForExitAsync(), Is.Zero, again.Output);
        Assert.That(again.Output, Does.Contain("generation 2 is active").And.Contain("rebuild stream_heads"));

        using var status = RegistryProcess.Start(Location, "projections", "status");
        Assert.That(await status.WaitForExitAsync(), Is.Zero, status.Output);
        Assert.That(status.Output, Does.Match(@"stream_heads\s+2\*\s+1\s+stopped\s+2000\s+2000\s+0"));
        Assert.That(await ScalarAsync("SELECT sum(events) FROM stream_heads"), Is.EqualTo(2000));
    }

    [Test]
    public async Task The_server_reports_status_and_health_from_the_database_over_http()
    {
        await AppendAsync(500);
        using var server = RegistryProcess.Start(Location, "serve", "--urls", "http://127.0.0.1:0", "--projections", "event_counts,stream_heads");
        await CatchUpAsync(Diagnostics);
        await UntilAsync(() => Task.FromResult(server.Output.Contains("listening on", StringComparison.Ordinal)), "the server listens");
        var url = System.Text.RegularExpressions.Regex.Match(server.Output, @"listening on (\S+)").Groups[1].Value;
        using var http = new HttpClient { BaseAddress = new Uri(url) };

        using var projections = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/api/projections"));
        var rows = projections.RootElement.GetProperty("projections").EnumerateArray().ToList();
        Assert.That(rows.Select(r => (r.GetProperty("name").GetString(), r.GetProperty("state").GetString(), r.GetProperty("checkpoint").GetInt64(),
            r.GetProperty("lagEvents").GetInt64())), Is.EquivalentTo(new[] { ("event_counts", "running", 500L, 0L), ("stream_heads", "running", 500L, 0L) }));
        Assert.That(await HealthAsync(http), Is.EqualTo("healthy"));

        // Another process marks a projection faulted: this server's health, read from the database, shows it.
        await using (var connection = await Database.OpenConnectionAsync())
            await connection.ExecuteAsync("UPDATE projection_checkpoints SET state = 'faulted', error = 'injected', faulted_position = 501 WHERE name = 'stream_heads'");
        Assert.That(await HealthAsync(http), Is.EqualTo("degraded"));
    }

    private static async Task<string?> HealthAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/health");
        Assert.That((int)response.StatusCode, Is.EqualTo(200), "degraded is still 200: the node serves");
        using var health = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return health.RootElement.GetProperty("status").GetString();
    }

    /// <summary>Rebuilds every diagnostic projection from position 0 in a new generation, and compares it with what the
    /// processes left: identical rows, and every event counted once.</summary>
    private async Task AssertIdenticalToCleanRebuildAsync()
    {
        var head = await Store.GetHeadPositionAsync();
        Assert.That(await ScalarAsync("SELECT sum(events) FROM event_counts"), Is.EqualTo(head));
        Assert.That(await ScalarAsync("SELECT sum(events) FROM stream_heads"), Is.EqualTo(head));
        foreach (var projection in RegistryProjections.All.Where(p => Diagnostics.Contains(p.Name)))
        {
            var left = await RowsAsync(projection.Name);
            var generation = (await ProjectionStatusReader.ReadAsync(Database)).Single(s => s.Name == projection.Name && s.Active).Generation;
            Assert.That(await new ProjectionRunner(Database, Store, [projection], FastOptions).RebuildHereAsync(projection, "test", CancellationToken.None), Is.True);
            var rebuilt = (await ProjectionStatusReader.ReadAsync(Database)).Single(s => s.Name == projection.Name && s.Active);
            Assert.That(rebuilt.Generation, Is.GreaterThan(generation));
            Assert.That(await RowsAsync(projection.Name), Is.EqualTo(left), $"{projection.Name} after crashes vs a clean rebuild");
        }
    }

    private async Task<long> LowestCheckpointAsync()
    {
        await using var connection = await Database.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long?>("SELECT min(position) FROM projection_checkpoints") ?? 0;
    }

    private async Task<bool> OwnedByAsync(RegistryProcess process)
    {
        await using var connection = await Database.OpenConnectionAsync();
        var owners = (await connection.QueryAsync<string?>("SELECT owner FROM projections")).ToList();
        return owners.Count == Diagnostics.Length && owners.All(o => o is not null && o.Contains($"/{process.Id}/", StringComparison.Ordinal));
    }

    /// <summary>Polls until <paramref name="condition"/> holds, failing after a generous minute so that a bug cannot hang the run.</summary>
    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"never: {what}");
            await Task.Delay(20);
        }
    }
}
