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
        Assert.That(await new ProjectionWaiter(Database).WaitForPositionAsync(position, TimeSpan.FromSeconds(60)), Is.True);
        Assert.That((await ProjectionStatusReader.ReadAsync(Database)).Select(s => s.Checkpoint), Is.All.GreaterThanOrEqualTo(position));
    }

    [Test]
    public async Task Answers_false_when_the_timeout_passes_first()
    {
        await AppendAsync(10);
        StartRunner(new PoisonedStreamsProjection());
        await CatchUpAsync("poisoned");
        var poison = await AppendOneAsync("startup-1", "Poison");
        Assert.That(await new ProjectionWaiter(Database).WaitForPositionAsync(poison, TimeSpan.FromMilliseconds(300), ["poisoned"]), Is.False);
    }
}
