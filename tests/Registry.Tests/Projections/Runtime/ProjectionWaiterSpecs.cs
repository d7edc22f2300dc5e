using Registry.Projections.Diagnostics;
using Registry.Projections.Runtime;

namespace Registry.Tests.Projections.Runtime;

public sealed class ProjectionWaiterSpecs(string kind) : ProjectionRuntimeFixture(kind)
{
    [Test]
    public async Task Returns_once_the_projections_have_applied_the_position()
    {
        StartRunner(new EventCountsProjection(), new StreamHeadsProjection());
        var position = await AppendAsync(250);
        var waiter = new ProjectionWaiter(Database, ["event_counts", "stream_heads"]);
        Assert.That(await waiter.WaitForPositionAsync(position, TimeSpan.FromSeconds(60)), Is.True, "all registered");
        Assert.That((await ProjectionStatusReader.ReadAsync(Database)).Select(s => s.Checkpoint), Is.EqualTo(new[] { position, position }));
        Assert.That(await waiter.WaitForPositionAsync(position, TimeSpan.FromSeconds(60), ["stream_heads"]), Is.True, "one named");
    }

    [Test]
    public async Task Answers_false_when_the_timeout_passes_first()
    {
        await AppendAsync(10);
        StartRunner(new PoisonedStreamsProjection());
        await CatchUpAsync("poisoned");
        var poison = await AppendOneAsync("startup-1", "Poison");
        Assert.That(await new ProjectionWaiter(Database, ["poisoned"]).WaitForPositionAsync(poison, TimeSpan.FromMilliseconds(300)), Is.False);
    }

    [Test]
    public async Task A_registered_projection_without_a_checkpoint_yet_has_not_reached_anything()
    {
        var position = await AppendAsync(10);
        Assert.That(await new ProjectionWaiter(Database, ["event_counts"]).WaitForPositionAsync(position, TimeSpan.FromMilliseconds(200)), Is.False);
    }
}
