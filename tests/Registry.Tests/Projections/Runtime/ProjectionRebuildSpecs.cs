using Registry.Projections.Diagnostics;
using Registry.Projections.Runtime;

namespace Registry.Tests.Projections.Runtime;

public sealed class ProjectionRebuildSpecs(string kind) : ProjectionRuntimeFixture(kind)
{
    [Test]
    public async Task A_rebuild_builds_the_next_generation_beside_the_serving_one_then_switches()
    {
        await AppendAsync(1500);
        StartRunner(new EventCountsProjection(), new StreamHeadsProjection());
        await CatchUpAsync("event_counts", "stream_heads");
        var before = await RowsAsync("stream_heads");

        await ProjectionControl.RequestRebuildAsync(Database, "stream_heads", "tester");
        await AppendAsync(200);
        await StatusWhenAsync(s => s.Any(p => p is { Name: "stream_heads", Active: true, Generation: 2 }), "generation 2 active");
        await CatchUpAsync("stream_heads");

        Assert.That(await TableExistsAsync("stream_heads_g1"), Is.False, "the old generation is dropped after the switch");
        Assert.That(await RowsAsync("stream_heads"), Is.EqualTo(await RowsAsync("stream_heads_g2")));
        Assert.That(await ScalarAsync("SELECT sum(events) FROM stream_heads"), Is.EqualTo(1700));
        Assert.That(before, Has.Count.EqualTo(15));
        var statuses = await ProjectionStatusReader.ReadAsync(Database);
        Assert.That(statuses.Where(s => s.Name == "stream_heads").Select(s => (s.Generation, s.State)), Is.EqualTo(new[] { (2L, ProjectionStates.Running) }));
        Assert.That(statuses.Single(s => s.Name == "event_counts").Generation, Is.EqualTo(1), "other projections are untouched");
    }

    [Test]
    public async Task A_new_version_deployed_is_rebuilt_beside_the_old_one_at_start()
    {
        await AppendAsync(600);
        StartRunner(new PoisonedStreamsProjection(version: 1));
        await CatchUpAsync("poisoned");
        await StopRunnersAsync();

        StartRunner(new PoisonedStreamsProjection(version: 2));
        var statuses = await StatusWhenAsync(s => s.Any(p => p is { Name: "poisoned", Active: true, Generation: 2 }), "version 2 active");
        Assert.That(statuses.Single(s => s.Active).Version, Is.EqualTo(2));
        await CatchUpAsync("poisoned");
        Assert.That(await ScalarAsync("SELECT count(*) FROM poisoned_streams WHERE version <> 2"), Is.Zero);
        Assert.That(await ScalarAsync("SELECT sum(events) FROM poisoned_streams"), Is.EqualTo(600));
    }

    [Test]
    public async Task Without_a_server_the_rebuild_runs_in_the_requesting_process()
    {
        await AppendAsync(300);
        var runner = new ProjectionRunner(Database, Store, [new StreamHeadsProjection()], FastOptions);
        Assert.That(await runner.RebuildHereAsync(new StreamHeadsProjection(), "tester", CancellationToken.None), Is.True, "first build");
        var first = await RowsAsync("stream_heads");
        Assert.That(await runner.RebuildHereAsync(new StreamHeadsProjection(), "tester", CancellationToken.None), Is.True, "rebuild");

        var active = (await ProjectionStatusReader.ReadAsync(Database)).Single();
        Assert.That((active.Generation, active.State, active.Checkpoint), Is.EqualTo((2L, ProjectionStates.Stopped, 300L)));
        Assert.That(await RowsAsync("stream_heads"), Is.EqualTo(first));
    }

    [Test]
    public async Task With_a_server_owning_the_projection_the_server_does_the_rebuild()
    {
        await AppendAsync(300);
        StartRunner(new StreamHeadsProjection());
        await CatchUpAsync("stream_heads");
        var cli = new ProjectionRunner(Database, Store, [new StreamHeadsProjection()], FastOptions);
        Assert.That(await cli.RebuildHereAsync(new StreamHeadsProjection(), "tester", CancellationToken.None), Is.False);
        await StatusWhenAsync(s => s.Any(p => p is { Active: true, Generation: 2, State: ProjectionStates.Running }), "the server switched to generation 2");
    }
}
