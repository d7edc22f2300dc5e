using Registry.EventStore;
using Registry.EventStore.Subscriptions;

namespace Registry.Tests.EventStore;

public sealed class CatchUpSubscriptionSpecs(string kind) : EventLogFixture(kind)
{
    private static long[] Range(long from, long to) => Enumerable.Range((int)from, (int)(to - from + 1)).Select(i => (long)i).ToArray();

    [Test]
    public async Task Given_history_when_subscribing_to_all_from_the_start_then_history_comes_then_caught_up_then_live_events()
    {
        await Store.AppendAsync("startup-1", ExpectedRevision.Any, Events(5));
        var caughtUp = new TaskCompletionSource();

        var reading = SubscriptionReader.ReadUntilAsync(ct => Observe(Store.SubscribeToAllAsync(0, ct: ct), caughtUp),
            ms => ms.Positions().Count() == 8);
        await caughtUp.Task;
        await Store.AppendAsync("startup-2", ExpectedRevision.Any, Events(3));
        var messages = await reading;

        Assert.That(messages[..5].Positions(), Is.EqualTo(Range(1, 5)));
        Assert.That(messages[5], Is.EqualTo(new SubscriptionMessage.CaughtUp(5)));
        Assert.That(messages[6..].Positions(), Is.EqualTo(Range(6, 8)));
    }

    [Test]
    public async Task Given_a_checkpoint_when_subscribing_to_all_from_it_then_only_later_events_come()
    {
        await Store.AppendAsync("startup-1", ExpectedRevision.Any, Events(7));

        var messages = await SubscriptionReader.ReadUntilAsync(ct => Store.SubscribeToAllAsync(4, ct: ct),
            ms => ms.OfType<SubscriptionMessage.CaughtUp>().Any());

        Assert.That(messages.Positions(), Is.EqualTo(Range(5, 7)));
        Assert.That(messages[^1], Is.EqualTo(new SubscriptionMessage.CaughtUp(7)));
    }

    [Test]
    public async Task Given_an_empty_log_when_subscribing_then_it_is_caught_up_at_0_and_the_first_append_arrives_live()
    {
        var caughtUp = new TaskCompletionSource();

        var reading = SubscriptionReader.ReadUntilAsync(ct => Observe(Store.SubscribeToAllAsync(0, ct: ct), caughtUp),
            ms => ms.Positions().Any());
        await caughtUp.Task;
        await Store.AppendAsync("startup-1", ExpectedRevision.Any, [Event()]);
        var messages = await reading;

        Assert.That(messages[0], Is.EqualTo(new SubscriptionMessage.CaughtUp(0)));
        Assert.That(messages[1..].Positions(), Is.EqualTo(new long[] { 1 }));
    }

    [Test]
    public async Task Given_appends_running_while_a_subscription_catches_up_then_no_event_is_missed_or_doubled_across_the_switch()
    {
        const int total = 3000;
        await Store.AppendAsync("startup-0", ExpectedRevision.Any, Events(1500));
        var writing = Task.Run(async () =>
        {
            for (var i = 0; i < 300; i++) await Store.AppendAsync($"startup-{1 + i % 10}", ExpectedRevision.Any, Events(5));
        });

        var messages = await SubscriptionReader.ReadUntilAsync(ct => Store.SubscribeToAllAsync(0, ct: ct),
            ms => ms.Count > 0 && ms[^1] is SubscriptionMessage.Event { Record.Position: total });
        await writing;

        Assert.That(messages.Positions(), Is.EqualTo(Range(1, total)));
        Assert.That(messages.OfType<SubscriptionMessage.CaughtUp>().Count(), Is.LessThanOrEqualTo(1));
    }

    [Test]
    public async Task Given_a_stream_when_subscribing_to_it_from_the_start_then_its_history_then_its_live_events_come_and_no_other_stream()
    {
        await Store.AppendAsync("startup-1", ExpectedRevision.Any, Events(2));
        await Store.AppendAsync("startup-2", ExpectedRevision.Any, Events(2));
        var caughtUp = new TaskCompletionSource();

        var reading = SubscriptionReader.ReadUntilAsync(ct => Observe(Store.SubscribeToStreamAsync("startup-1", -1, ct), caughtUp),
            ms => ms.Positions().Count() == 4);
        await caughtUp.Task;
        await Store.AppendAsync("startup-2", ExpectedRevision.Any, Events(1));
        await Store.AppendAsync("startup-1", ExpectedRevision.Any, Events(2));
        var messages = await reading;

        var events = messages.OfType<SubscriptionMessage.Event>().Select(e => e.Record).ToList();
        Assert.That(events.Select(e => e.StreamRevision), Is.EqualTo(new long[] { 0, 1, 2, 3 }));
        Assert.That(events.Select(e => e.StreamName).Distinct(), Is.EqualTo(new[] { "startup-1" }));
        Assert.That(messages[2], Is.EqualTo(new SubscriptionMessage.CaughtUp(4)));
    }

    [Test]
    public async Task Given_a_stream_revision_when_subscribing_to_the_stream_from_it_then_only_later_revisions_come()
    {
        await Store.AppendAsync("startup-1", ExpectedRevision.Any, Events(1500));

        var messages = await SubscriptionReader.ReadUntilAsync(ct => Store.SubscribeToStreamAsync("startup-1", 9, ct),
            ms => ms.OfType<SubscriptionMessage.CaughtUp>().Any());

        Assert.That(messages.OfType<SubscriptionMessage.Event>().Select(e => e.Record.StreamRevision),
            Is.EqualTo(Enumerable.Range(10, 1490).Select(i => (long)i)));
    }

    /// <summary>Passes the messages on, and completes <paramref name="caughtUp"/> when the subscription reports it.</summary>
    private static async IAsyncEnumerable<SubscriptionMessage> Observe(IAsyncEnumerable<SubscriptionMessage> messages, TaskCompletionSource caughtUp)
    {
        await foreach (var m in messages)
        {
            if (m is SubscriptionMessage.CaughtUp) caughtUp.TrySetResult();
            yield return m;
        }
    }
}
