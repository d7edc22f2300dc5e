using Registry.Tests.Infrastructure;

namespace Registry.Tests.Grpc;

/// <summary>
/// Live subscriptions of the official EventStoreDB Node client: history, then the events appended while it listens,
/// and a partner's follower that keeps its place across a restart of the registry.
/// </summary>
[TestFixture, NonParallelizable]
public sealed class EsdbClientLiveSpecs
{
    [Test]
    public async Task SubscribeToStream_delivers_the_history_then_events_appended_after_it_caught_up()
    {
        var log = new SharedLog();
        await log.AppendAsync("startup-a1", "StartupRegistered");
        await using var server = await RegistryServer.StartAsync(log.Path);
        await using var run = new NodeEsdbClient(server.PlaintextConnection).Start("subscribeToStream", new { stream = "startup-a1", count = 3 });

        await run.NextAsync("caughtUp");
        await log.AppendAsync("startup-b2", "StartupRegistered");
        await log.AppendAsync("startup-a1", "StartupRenamed", "StartupRenamed");
        await run.NextAsync("done");

        Assert.That(run.Seen.Places(), Is.EqualTo(new[] { "startup-a1/0@1", "startup-a1/1@3", "startup-a1/2@4" }));
    }

    [Test]
    public async Task SubscribeToAll_with_a_stream_name_filter_resumes_from_a_saved_checkpoint_with_live_events()
    {
        var log = new SharedLog();
        await log.AppendAsync("competition-c1", "CompetitionHeld");
        await log.AppendAsync("startup-a1", "StartupRegistered");
        await using var server = await RegistryServer.StartAsync(log.Path);
        await using var run = new NodeEsdbClient(server.PlaintextConnection).Start("subscribeToAll", new
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
    public async Task A_follower_resumes_from_its_checkpoint_after_a_registry_restart_and_misses_nothing()
    {
        var log = new SharedLog();
        await log.AppendAsync("startup-a1", "StartupRegistered", "StartupRenamed");
        await using var server = await RegistryServer.StartAsync(log.Path);
        await using var run = new NodeEsdbClient(server.PlaintextConnection).Start("followAcrossRestarts", new { fromPosition = "start", count = 4 });

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
