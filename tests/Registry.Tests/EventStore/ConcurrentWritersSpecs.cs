using Registry.EventStore;
using Registry.EventStore.Integrity;
using Registry.EventStore.Subscriptions;

namespace Registry.Tests.EventStore;

/// <summary>
/// The proof that no reader skips an event: concurrent writers and a live subscriber that must see every event
/// exactly once, in contiguous position order. With two store instances on one database the writers are two group
/// commit queues, i.e. truly concurrent transactions, as two processes would be.
/// </summary>
public sealed class ConcurrentWritersSpecs(string kind) : EventLogFixture(kind)
{
    private const int Writers = 4, EventsPerWriter = 5_000;
    private static readonly int[] BatchSizes = [1, 7, 50, 3, 200, 1, 25];

    [Test]
    public async Task Given_4_writers_appending_20000_events_when_a_subscriber_follows_live_then_it_sees_each_event_exactly_once_in_position_order() =>
        await WritersAndSubscriber(Enumerable.Repeat(Store, Writers).ToArray());

    [Test]
    public async Task Given_writers_on_two_store_instances_of_one_database_when_a_subscriber_follows_live_then_it_sees_each_event_exactly_once_in_position_order()
    {
        await using var second = await Location.OpenAsync(Limits);
        await WritersAndSubscriber([Store, second, Store, second]);
    }

    private async Task WritersAndSubscriber(IEventStore[] writerStores)
    {
        const int total = Writers * EventsPerWriter;
        var live = new TaskCompletionSource();
        var subscriber = Task.Run(() => SubscriptionReader.ReadUntilAsync(ct => Store.SubscribeToAllAsync(0, ct: ct), ms =>
        {
            if (ms[^1] is SubscriptionMessage.CaughtUp) live.TrySetResult();
            return ms[^1] is SubscriptionMessage.Event { Record.Position: >= total };
        }));
        await live.Task; // every event below is delivered live, while the writers race

        var written = await Task.WhenAll(writerStores.Select((store, w) => Task.Run(() => Write(store, w))));
        var messages = await subscriber;

        var seen = messages.OfType<SubscriptionMessage.Event>().Select(e => e.Record).ToList();
        Assert.That(seen.Select(e => e.Position), Is.EqualTo(Enumerable.Range(1, total).Select(i => (long)i)), "positions seen, in order");
        Assert.That(seen.Select(e => e.EventId).Order(), Is.EqualTo(written.SelectMany(ids => ids).Order()), "the events seen are the events written");
        foreach (var stream in seen.GroupBy(e => e.StreamName))
            Assert.That(stream.Select(e => e.StreamRevision), Is.EqualTo(Enumerable.Range(0, stream.Count()).Select(i => (long)i)), $"revisions of {stream.Key}");
        // Each writer plans its batches on the head it expects (PostgreSQL); a batch refused and committed again must
        // not leave the batch planned behind it chained to a hash the log never had.
        Assert.That((await ChainVerifier.VerifyAsync(Store)).Problem, Is.Null, "the hash chain");
    }

    /// <summary>One writer: its own stream and two shared ones in turn, mixed batch sizes, expected revision any.</summary>
    private static async Task<List<Guid>> Write(IEventStore store, int writer)
    {
        var ids = new List<Guid>();
        for (var i = 0; ids.Count < EventsPerWriter; i++)
        {
            var size = Math.Min(BatchSizes[(i + writer) % BatchSizes.Length], EventsPerWriter - ids.Count);
            var stream = (i % 3) switch { 0 => $"writer-{writer}", 1 => "shared-a", _ => "shared-b" };
            var events = Events(size, $"Written{writer}");
            await store.AppendAsync(stream, ExpectedRevision.Any, events);
            ids.AddRange(events.Select(e => e.EventId));
        }
        return ids;
    }
}
