using Registry.Tests.Infrastructure;

namespace Registry.Tests.Grpc;

/// <summary>
/// Live subscriptions of the official Node clients (EventStoreDB's and KurrentDB's): history, then the events appended while it listens,
/// and a partner's follower that keeps its place across a restart of the registry.
/// </summary>
[TestFixtureSource(typeof(NodeEsdbClient), nameof(NodeEsdbClient.Packages)), NonParallelizable]
public sealed class EsdbClientLiveSpecs(string package)
{
    [Test]
    public async Task SubscribeToStream_delivers_the_history_then_events_appended_after_it_caught_up()
    {
        var log = new SharedLog();
        await log.AppendAsync("startup-a1", "StartupRegistered");
        await using var server = await RegistryServer.StartAsync(log.Path);
        await using var run = new NodeEsdbClient(package, server.PlaintextConnection).Start("subscribeToStream", new { stream = "startup-a1", count = 3 });

        await run.NextAsync("caughtUp");
        await log.AppendAsync("startup-b2", "StartupRegistered");
        await log.AppendAsync("startup-a1", "StartupRenamed", "StartupRenamed");
        await run.NextAsync("done");

        Assert.That(run.Seen.Places(), Is.EqualTo(new[] { "startup-a1/0@1", "startup-a1/1@3", "startup-a1/2@4" }));
    }

    [Test]
    public async Task SubscribeToStream_of_a_registry_internal_stream_is_answered_as_for_a_missing_stream_caught_up_and_open()
    {
        var log = new SharedLog();
        await log.AppendAsync("startup-a1", "StartupRegistered");
        await using var server = await RegistryServer.StartAsync(log.Path);
        await using var run = new NodeEsdbClient(package, server.PlaintextConnection).Start("subscribeToStream", new { stream = "apikey-k1", count = 1 });

        await run.NextAsync("caughtUp");
        // Ended by the server, the client's loop would finish at once (it did in 36 ms); a second is ample to see it.
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.That(run.HasExited, Is.False, () => $"the subscription ended by itself: {string.Join(" ", run.Seen)}");
    }

    [Test]
    public async Task SubscribeToAll_with_a_stream_name_filter_resumes_from_a_saved_checkpoint_with_live_events()
    {
        var log = new SharedLog();
        await log.AppendAsync("competition-c1", "CompetitionHeld");
        await log.AppendAsync("startup-a1", "StartupRegistered");
        await using var server = await RegistryServer.StartAsync(log.Path);
        await using var run = new NodeEsdbClient(package, server.PlaintextConnection).Start("subscribeToAll", new
        {
            fromPosition = 1, // saved after handling competition-c1/0
            filter = new { streamNamePrefixes = new[] { "competition-" } },
            count = 1,
        });

        await run.NextAsync("caughtUp");
        await log.AppendAsync("startup-b2", "StartupRegistered");
        await log.AppendAsync("competition-c2", "CompetitionHeld");
        await run.NextAsync("done");

        Assert.That(run.Seen.Places(), Is.EqualTo(new[] { "competition-c2/0@4" }));
    }

    [Test]
    public async Task SubscribeToAll_catches_up_over_a_history_longer_than_a_flush_with_every_event_once_in_order()
    {
        var log = new SharedLog();
        for (var i = 0; i < 5; i++) await log.AppendAsync($"training-t{i}", Enumerable.Repeat("TrainingRecorded", 100).ToArray());
        await using var server = await RegistryServer.StartAsync(log.Path);

        var lines = await new NodeEsdbClient(package, server.PlaintextConnection).RunAsync("subscribeToAll", new { fromPosition = 120, count = 380 });

        Assert.That(lines.Events().Select(e => e.Number("position")), Is.EqualTo(Enumerable.Range(121, 380).Select(p => (long)p)));
    }

    [Test]
    public async Task A_follower_resumes_from_its_checkpoint_after_a_registry_restart_and_misses_nothing()
    {
        var log = new SharedLog();
        await log.AppendAsync("startup-a1", "StartupRegistered", "StartupRenamed");
        await using var server = await RegistryServer.StartAsync(log.Path);
        await using var run = new NodeEsdbClient(package, server.PlaintextConnection).Start("followAcrossRestarts", new { fromPosition = "start", count = 4 });

        await run.NextAsync("caughtUp");
        await server.StopAsync();
        await log.AppendAsync("startup-b2", "StartupRegistered"); // written while the registry is down
        await server.StartAsync();
        await run.NextAsync("caughtUp");
        await log.AppendAsync("startup-a1", "StartupRenamed");
        await run.NextAsync("done");

        Assert.That(run.Seen.Select(l => l.Kind()), Does.Contain("disconnected"));
        Assert.That(run.Seen.Places(), Is.EqualTo(new[] { "startup-a1/0@1", "startup-a1/1@2", "startup-b2/0@3", "startup-a1/2@4" }));
    }
}
