using Registry.Projections.Diagnostics;
using Registry.Projections.Runtime;

namespace Registry.Tests.Projections.Runtime;

public sealed class ProjectionRunnerSpecs(string kind) : ProjectionRuntimeFixture(kind)
{
    [Test]
    public async Task Applies_every_event_once_and_commits_its_checkpoint_with_its_rows()
    {
        await AppendAsync(1050);
        StartRunner(new EventCountsProjection(), new StreamHeadsProjection());
        await CatchUpAsync("event_counts", "stream_heads");

        Assert.That(await ScalarAsync("SELECT sum(events) FROM event_counts"), Is.EqualTo(1050));
        Assert.That(await ScalarAsync("SELECT sum(events) FROM stream_heads"), Is.EqualTo(1050));
        Assert.That(await ScalarAsync("SELECT count(*) FROM stream_heads"), Is.EqualTo(11));
        var statuses = await ProjectionStatusReader.ReadAsync(Database);
        Assert.That(statuses.Select(s => (s.Name, s.Generation, s.State, s.Checkpoint, s.LagEvents)), Is.EquivalentTo(new[]
        {
            ("event_counts", 1L, ProjectionStates.Running, 1050L, 0L), ("stream_heads", 1L, ProjectionStates.Running, 1050L, 0L),
        }));
    }

    [Test]
    public async Task A_restarted_runner_goes_on_from_its_checkpoint_without_doubling()
    {
        await AppendAsync(700);
        StartRunner(new EventCountsProjection());
        await CatchUpAsync("event_counts");
        await StopRunnersAsync();
        Assert.That((await ProjectionStatusReader.ReadAsync(Database)).Single().State, Is.EqualTo(ProjectionStates.Stopped));

        await AppendAsync(300);
        StartRunner(new EventCountsProjection());
        await CatchUpAsync("event_counts");
        Assert.That(await ScalarAsync("SELECT sum(events) FROM event_counts"), Is.EqualTo(1000));
        Assert.That((await ProjectionStatusReader.ReadAsync(Database)).Single().State, Is.EqualTo(ProjectionStates.Running));
    }

    [Test]
    public async Task Queries_read_a_stable_view_over_the_active_generation()
    {
        await AppendAsync(10);
        StartRunner(new StreamHeadsProjection());
        await CatchUpAsync("stream_heads");
        Assert.That(await TableExistsAsync("stream_heads_g1"), Is.True);
        Assert.That(await RowsAsync("stream_heads"), Is.EqualTo(await RowsAsync("stream_heads_g1")));
    }

    [Test]
    public async Task Events_appended_while_it_runs_are_applied_live()
    {
        StartRunner(new EventCountsProjection());
        await CatchUpAsync("event_counts");
        var position = await AppendAsync(120);
        Assert.That(await new ProjectionWaiter(Database, ["event_counts"]).WaitForPositionAsync(position, TimeSpan.FromSeconds(60)), Is.True);
        Assert.That(await ScalarAsync("SELECT sum(events) FROM event_counts"), Is.EqualTo(120));
    }
}
