using System.Text.Json;

using Registry.Tests.Infrastructure;

namespace Registry.Tests.Grpc;

/// <summary>
/// The official Node clients (EventStoreDB's and KurrentDB's) read the registry's log over plaintext gRPC on loopback, as a partner.
/// The log holds, at positions 1 to 5: startup-a1/0 StartupRegistered, startup-a1/1 StartupRenamed,
/// competition-c1/0 CompetitionHeld, startup-b2/0 StartupRegistered, startup-a1/2 StartupRenamed.
/// </summary>
[TestFixtureSource(typeof(NodeEsdbClient), nameof(NodeEsdbClient.Packages)), NonParallelizable]
public sealed class EsdbClientReadSpecs(string package)
{
    private RegistryServer _server = null!;
    private NodeEsdbClient _client = null!;

    [OneTimeSetUp]
    public async Task StartRegistry()
    {
        var log = new SharedLog();
        await log.AppendAsync("startup-a1", "StartupRegistered", "StartupRenamed");
        await log.AppendAsync("competition-c1", "CompetitionHeld");
        await log.AppendAsync("startup-b2", "StartupRegistered");
        await log.AppendAsync("startup-a1", "StartupRenamed");
        _server = await RegistryServer.StartAsync(log.Path);
        _client = new NodeEsdbClient(package, _server.PlaintextConnection);
    }

    [OneTimeTearDown]
    public async Task StopRegistry() => await _server.DisposeAsync();

    [Test]
    public void Registry_serve_prints_its_plaintext_grpc_endpoint() =>
        Assert.That(_server.GrpcLine, Does.Contain($"http://127.0.0.1:{_server.GrpcPort}").And.Contain("read-only"));

    [Test]
    public async Task ReadStream_forwards_returns_the_stream_in_revision_order_with_type_data_metadata_and_created()
    {
        var lines = await _client.RunAsync("readStream", new { stream = "startup-a1", direction = "forwards" });

        Assert.That(lines.Last().Kind(), Is.EqualTo("done"), lines.Last().ToString());
        Assert.That(lines.Places(), Is.EqualTo(new[] { "startup-a1/0@1", "startup-a1/1@2", "startup-a1/2@5" }));
        var first = lines.Events().First();
        Assert.That(first.Text("type"), Is.EqualTo("StartupRegistered"));
        Assert.That(first.GetProperty("data").GetProperty("type").GetString(), Is.EqualTo("StartupRegistered"));
        Assert.That(first.GetProperty("metadata").GetProperty("source").GetString(), Is.EqualTo("test"));
        var created = DateTimeOffset.Parse(first.Text("created"));
        Assert.That(created, Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromHours(1)), "created is decoded from .NET ticks since the epoch");
    }

    [Test]
    public async Task ReadStream_backwards_from_the_end_returns_the_newest_first()
    {
        var lines = await _client.RunAsync("readStream", new { stream = "startup-a1", direction = "backwards" });
        Assert.That(lines.Places(), Is.EqualTo(new[] { "startup-a1/2@5", "startup-a1/1@2", "startup-a1/0@1" }));
    }

    [Test]
    public async Task ReadStream_from_a_revision_includes_that_revision_in_either_direction()
    {
        var forwards = await _client.RunAsync("readStream", new { stream = "startup-a1", direction = "forwards", fromRevision = 1 });
        var backwards = await _client.RunAsync("readStream", new { stream = "startup-a1", direction = "backwards", fromRevision = 1 });
        Assert.That(forwards.Places(), Is.EqualTo(new[] { "startup-a1/1@2", "startup-a1/2@5" }));
        Assert.That(backwards.Places(), Is.EqualTo(new[] { "startup-a1/1@2", "startup-a1/0@1" }));
    }

    [Test]
    public async Task ReadStream_of_a_stream_that_does_not_exist_is_the_clients_stream_not_found_error()
    {
        var lines = await _client.RunAsync("readStream", new { stream = "startup-none", direction = "forwards" });
        Assert.That(lines.Last().Text("name"), Is.EqualTo("StreamNotFoundError"));
    }

    [Test]
    public async Task ReadAll_forwards_returns_every_event_in_position_order()
    {
        var lines = await _client.RunAsync("readAll", new { direction = "forwards" });
        Assert.That(lines.Places(), Is.EqualTo(new[]
            { "startup-a1/0@1", "startup-a1/1@2", "competition-c1/0@3", "startup-b2/0@4", "startup-a1/2@5" }));
    }

    [Test]
    public async Task ReadAll_forwards_from_a_position_starts_at_the_event_at_that_position()
    {
        var lines = await _client.RunAsync("readAll", new { direction = "forwards", fromPosition = 3, maxCount = 2 });
        Assert.That(lines.Places(), Is.EqualTo(new[] { "competition-c1/0@3", "startup-b2/0@4" }));
    }

    [Test]
    public async Task ReadAll_backwards_returns_the_newest_first_and_from_a_position_the_events_before_it()
    {
        var fromEnd = await _client.RunAsync("readAll", new { direction = "backwards", maxCount = 2 });
        var fromPosition = await _client.RunAsync("readAll", new { direction = "backwards", fromPosition = 3 });
        Assert.That(fromEnd.Places(), Is.EqualTo(new[] { "startup-a1/2@5", "startup-b2/0@4" }));
        Assert.That(fromPosition.Places(), Is.EqualTo(new[] { "startup-a1/1@2", "startup-a1/0@1" }));
    }

    [Test]
    public async Task SubscribeToAll_with_an_event_type_filter_from_a_saved_checkpoint_gets_the_matching_events_after_it()
    {
        var lines = await _client.RunAsync("subscribeToAll", new
        {
            fromPosition = 2, // the position of startup-a1/1, the last event this partner handled
            filter = new { eventTypePrefixes = new[] { "StartupRen" } },
            count = 1,
        });
        Assert.That(lines.Places(), Is.EqualTo(new[] { "startup-a1/2@5" }));
    }

    [Test]
    public async Task SubscribeToAll_with_a_stream_name_filter_sends_checkpoints_past_the_events_it_skips()
    {
        await using var run = _client.Start("subscribeToAll", new
        {
            fromPosition = "start",
            filter = new { streamNamePrefixes = new[] { "competition-" }, maxSearchWindow = 1, checkpointInterval = 1 },
            count = 2,
        });
        var competition = await run.NextAsync("event");
        await run.NextAsync("checkpoint");
        await run.NextAsync("checkpoint");

        Assert.That(new[] { competition }.Places(), Is.EqualTo(new[] { "competition-c1/0@3" }));
        Assert.That(run.Seen.Where(l => l.Text("kind") == "checkpoint").Select(l => l.Number("position")), Is.EqualTo(new[] { 1, 2, 4, 5 }),
            "a search window of one: a checkpoint after each event examined, up to the head");
    }

    [Test]
    public async Task Appending_over_plaintext_is_refused_because_a_partner_only_reads()
    {
        var lines = await _client.RunAsync("append", new
        {
            stream = "startup-a1",
            events = new[] { new { type = "StartupRenamed", data = new { name = "x" } } },
        });
        Assert.That(lines.Last().Text("name"), Is.EqualTo("AccessDeniedError"), lines.Last().ToString());
    }
}
