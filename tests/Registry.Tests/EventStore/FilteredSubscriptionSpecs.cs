using Registry.EventStore;
using Registry.EventStore.Subscriptions;

namespace Registry.Tests.EventStore;

public sealed class FilteredSubscriptionSpecs(string kind) : EventLogFixture(kind)
{
    private static readonly EventFilter Prizes = EventFilter.EventTypePrefix("Prize");

    [SetUp]
    public async Task APrizeAmongNoise()
    {
        await Store.AppendAsync("training-1", ExpectedRevision.Any, Events(25, "TrainingAttended")); // 1..25
        await Store.AppendAsync("competition-1", ExpectedRevision.Any, [Event("PrizeAwarded")]);     // 26
        await Store.AppendAsync("training-1", ExpectedRevision.Any, Events(20, "TrainingAttended")); // 27..46
    }

    [Test]
    public async Task Given_a_filter_when_subscribing_from_the_start_then_only_matching_events_come_with_a_checkpoint_every_ten_positions_examined()
    {
        var messages = await SubscriptionReader.ReadUntilAsync(ct => Store.SubscribeToAllAsync(0, Prizes, checkpointEvery: 10, ct: ct),
            ms => ms.OfType<SubscriptionMessage.CaughtUp>().Any());

        Assert.That(messages.Positions(), Is.EqualTo(new long[] { 26 }));
        Assert.That(messages.Where(m => m is not SubscriptionMessage.Event), Is.EqualTo(new SubscriptionMessage[]
        {
            new SubscriptionMessage.Checkpoint(10), new SubscriptionMessage.Checkpoint(20), // before the prize at 26
            new SubscriptionMessage.Checkpoint(36), new SubscriptionMessage.Checkpoint(46), new SubscriptionMessage.CaughtUp(46),
        }));
        Assert.That(messages[2], Is.InstanceOf<SubscriptionMessage.Event>(), "the prize comes between the checkpoints at 20 and 36");
    }

    [Test]
    public async Task Given_a_saved_checkpoint_when_a_filtered_subscription_resumes_from_it_then_only_later_matching_events_come()
    {
        await Store.AppendAsync("training-2", ExpectedRevision.Any, [Event("TrainingAttended")]); // 47
        await Store.AppendAsync("competition-1", ExpectedRevision.Any, [Event("PrizeAwarded")]); // 48

        var messages = await SubscriptionReader.ReadUntilAsync(ct => Store.SubscribeToAllAsync(46, Prizes, checkpointEvery: 10, ct: ct),
            ms => ms.OfType<SubscriptionMessage.CaughtUp>().Any());

        Assert.That(messages, Is.EqualTo(new SubscriptionMessage[]
        {
            new SubscriptionMessage.Event(messages.OfType<SubscriptionMessage.Event>().Single().Record),
            new SubscriptionMessage.CaughtUp(48),
        }));
        Assert.That(messages.Positions(), Is.EqualTo(new long[] { 48 }));
    }

    [Test]
    public async Task Given_a_live_filtered_subscription_when_only_noise_is_appended_then_checkpoints_advance_without_events()
    {
        var caughtUp = new TaskCompletionSource();
        var reading = SubscriptionReader.ReadUntilAsync(ct => Store.SubscribeToAllAsync(46, Prizes, checkpointEvery: 10, ct: ct),
            ms =>
            {
                if (ms[^1] is SubscriptionMessage.CaughtUp) caughtUp.TrySetResult();
                return ms[^1] is SubscriptionMessage.Checkpoint;
            });
        await caughtUp.Task;
        for (var i = 0; i < 12; i++) await Store.AppendAsync("training-3", ExpectedRevision.Any, [Event("TrainingAttended")]);
        var messages = await reading;

        Assert.That(messages.Positions(), Is.Empty);
        // Ten examined positions past 46 make a checkpoint at 56, however many appends a wake-up covers.
        Assert.That(((SubscriptionMessage.Checkpoint)messages[^1]).Position, Is.EqualTo(56));
    }
}
