using Dapper;
using Registry.Projections.Diagnostics;
using Registry.Projections.Runtime;

namespace Registry.Tests.Projections.Runtime;

/// <summary>Ownership between runners in one test process; <see cref="ProjectionProcessSpecs"/> does it with real processes.</summary>
public sealed class ProjectionLeaseSpecs(string kind) : ProjectionRuntimeFixture(kind)
{
    [Test]
    public async Task Two_runners_share_the_work_without_doing_it_twice_and_a_standby_takes_over()
    {
        await AppendAsync(800);
        var first = StartRunner(new EventCountsProjection());
        await CatchUpAsync("event_counts");
        var second = new ProjectionRunner(Database, Store, [new EventCountsProjection()], FastOptions);
        using var stopSecond = new CancellationTokenSource();
        var secondRun = second.RunAsync(stopSecond.Token);
        try
        {
            await AppendAsync(400);
            await CatchUpAsync("event_counts");
            Assert.That(await OwnerAsync(), Is.EqualTo(first.OwnerId));

            await StopRunnersAsync();
            await AppendAsync(300);
            await StatusWhenAsync(s => s.All(p => p.LagEvents == 0 && p.State == ProjectionStates.Running), "the standby caught up");
            Assert.That(await OwnerAsync(), Is.EqualTo(second.OwnerId));
            Assert.That(await ScalarAsync("SELECT sum(events) FROM event_counts"), Is.EqualTo(1500));
        }
        finally
        {
            await stopSecond.CancelAsync();
            await secondRun;
        }
    }

    private async Task<string?> OwnerAsync()
    {
        await using var connection = await Database.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string?>("SELECT owner FROM projections WHERE name = 'event_counts'");
    }
}
