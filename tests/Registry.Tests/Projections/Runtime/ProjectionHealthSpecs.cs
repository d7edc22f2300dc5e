using Registry.Projections.Runtime;

namespace Registry.Tests.Projections.Runtime;

/// <summary>The health rule on statuses as read from the database; the clock is a parameter, so nothing waits 30 s.</summary>
public sealed class ProjectionHealthSpecs
{
    private static readonly DateTimeOffset Moved = new(2025, 7, 1, 8, 0, 0, TimeSpan.Zero);

    private static ProjectionStatus Status(string state = ProjectionStates.Running, long checkpoint = 100, long head = 100, double lagSeconds = 0) =>
        new("startups", 1, 1, true, state, checkpoint, head, head - checkpoint, lagSeconds, "host/1/a", null, null, null, Moved, Moved, false);

    [Test]
    public void A_projection_at_the_head_is_healthy_however_long_ago_it_moved() =>
        Assert.That(ProjectionHealth.Problems([Status()], Moved.AddHours(5)), Is.Empty);

    [Test]
    public void A_checkpoint_that_has_not_moved_for_30_s_while_older_events_wait_is_frozen()
    {
        var frozen = Status(checkpoint: 90, lagSeconds: 45);
        Assert.That(ProjectionHealth.Problems([frozen], Moved.AddSeconds(45)), Has.One.Contains("frozen"));
        Assert.That(ProjectionHealth.Problems([frozen], Moved.AddSeconds(20)), Is.Empty, "it moved recently");
        Assert.That(ProjectionHealth.Problems([Status(checkpoint: 90, lagSeconds: 2)], Moved.AddSeconds(45)), Is.Empty, "the head just moved");
    }

    [Test]
    public void A_faulted_projection_is_a_problem_and_a_superseded_one_waiting_for_its_rebuild_is_not()
    {
        Assert.That(ProjectionHealth.Problems([Status(ProjectionStates.Faulted, 90)], Moved), Has.One.Contains("faulted"));
        Assert.That(ProjectionHealth.Problems([Status(ProjectionStates.Superseded, 90, lagSeconds: 100)], Moved.AddMinutes(5)), Is.Empty);
    }
}
