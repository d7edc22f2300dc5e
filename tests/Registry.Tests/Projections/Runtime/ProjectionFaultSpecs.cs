using Registry.Projections.Diagnostics;
using Registry.Projections.Runtime;

namespace Registry.Tests.Projections.Runtime;

public sealed class ProjectionFaultSpecs(string kind) : ProjectionRuntimeFixture(kind)
{
    private PoisonedStreamsProjection _poisoned = null!;
    private long _poison;

    /// <summary>250 events, a poison event, 100 more; the poisoned projection faults on it, event_counts does not.</summary>
    private async Task<ProjectionStatus> FaultAsync()
    {
        await AppendAsync(250);
        _poison = await AppendOneAsync("startup-x", "Poison");
        await AppendAsync(100);
        _poisoned = new PoisonedStreamsProjection();
        StartRunner(_poisoned, new EventCountsProjection());
        var statuses = await StatusWhenAsync(s => s.Any(p => p.Name == "poisoned" && p.State == ProjectionStates.Faulted), "poisoned faults");
        return statuses.Single(s => s.Name == "poisoned");
    }

    [Test]
    public async Task An_event_a_projection_cannot_handle_faults_that_projection_only()
    {
        var faulted = await FaultAsync();
        Assert.That(faulted.FaultedPosition, Is.EqualTo(_poison));
        Assert.That(faulted.Checkpoint, Is.EqualTo(_poison - 1), "everything before the poison is kept");
        Assert.That(faulted.Error, Does.Contain("Poison").And.Contain("cannot handle"));
        Assert.That(faulted.FaultedEventId, Is.Not.Null);
        Assert.That(await ScalarAsync("SELECT sum(events) FROM poisoned_streams"), Is.EqualTo(250));

        await CatchUpAsync("event_counts");
        Assert.That(await ScalarAsync("SELECT sum(events) FROM event_counts"), Is.EqualTo(351));
        var problems = ProjectionHealth.Problems(await ProjectionStatusReader.ReadAsync(Database), DateTimeOffset.UtcNow);
        Assert.That(problems, Has.Count.EqualTo(1).And.Some.Contains("poisoned").And.Some.Contains("faulted"));
    }

    [Test]
    public async Task Retry_goes_on_from_the_faulted_event()
    {
        await FaultAsync();
        _poisoned.Cured = true;
        var retried = await ProjectionControl.RetryAsync(Database, "poisoned");
        Assert.That(retried!.FaultedPosition, Is.EqualTo(_poison));
        await CatchUpAsync("poisoned");
        Assert.That(await ScalarAsync("SELECT sum(events) FROM poisoned_streams"), Is.EqualTo(351));
        Assert.That(ProjectionHealth.Problems(await ProjectionStatusReader.ReadAsync(Database), DateTimeOffset.UtcNow), Is.Empty);
    }

    [Test]
    public async Task Skip_records_which_event_was_skipped_by_whom_and_goes_on_after_it()
    {
        var faulted = await FaultAsync();
        await ProjectionControl.SkipAsync(Database, "poisoned", "tester@ops");
        await CatchUpAsync("poisoned");
        Assert.That(await ScalarAsync("SELECT sum(events) FROM poisoned_streams"), Is.EqualTo(350));
        Assert.That(await ScalarAsync("SELECT count(*) FROM projection_skips WHERE name = 'poisoned' AND position = @p AND event_id = @id " +
            "AND event_type = 'Poison' AND skipped_by = 'tester@ops' AND skipped_at_us > 0", new { p = _poison, id = faulted.FaultedEventId }), Is.EqualTo(1));
    }

    [Test]
    public async Task A_rebuild_of_the_same_version_skips_what_was_skipped()
    {
        await FaultAsync();
        await ProjectionControl.SkipAsync(Database, "poisoned", "tester@ops");
        await CatchUpAsync("poisoned");
        await ProjectionControl.RequestRebuildAsync(Database, "poisoned", "tester@ops");
        await StatusWhenAsync(s => s.Any(p => p is { Name: "poisoned", Active: true, Generation: 2, LagEvents: 0 }), "generation 2 active");
        Assert.That(await ScalarAsync("SELECT sum(events) FROM poisoned_streams"), Is.EqualTo(350));
    }

    [Test]
    public async Task Retry_and_skip_refuse_a_projection_that_is_not_faulted()
    {
        await AppendAsync(10);
        StartRunner(new EventCountsProjection());
        await CatchUpAsync("event_counts");
        Assert.That(await ProjectionControl.RetryAsync(Database, "event_counts"), Is.Null);
        Assert.That(await ProjectionControl.SkipAsync(Database, "event_counts", "tester"), Is.Null);
    }
}
