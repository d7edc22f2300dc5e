using System.Runtime.CompilerServices;

namespace Registry.EventStore.Subscriptions;

/// <summary>
/// Catch-up subscriptions over any <see cref="IEventStore"/>: history first, then live, as one sequence. Each pass
/// reads only up to a head position taken before it reads, and every event at or below the head is committed (the
/// adapters assign positions in commit order), so the switch from history to live neither skips nor repeats an event.
/// </summary>
public static class CatchUpSubscription
{
    private const int Page = 1000;

    /// <summary>Events of <c>$all</c> after <paramref name="afterPosition"/> (0: from the start).</summary>
    /// <param name="checkpointEvery">Emit a <see cref="SubscriptionMessage.Checkpoint"/> each time this many positions were
    /// examined since the last event or checkpoint (useful with a filter that matches rarely), as EventStoreDB does
    /// every search window; 0 for never. With a filter, the log answers only the matching events, so the positions
    /// before each of them, and up to the head after the last, are the ones examined.</param>
    public static async IAsyncEnumerable<SubscriptionMessage> SubscribeToAllAsync(this IEventStore store, long afterPosition,
        EventFilter? filter = null, int checkpointEvery = 0, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var checkpoint = afterPosition;
        var lastReported = afterPosition;
        var caughtUp = false;
        while (!ct.IsCancellationRequested)
        {
            var head = await store.GetHeadPositionAsync(ct);
            while (checkpoint < head)
            {
                var read = 0;
                await foreach (var e in store.ReadAllAsync(Direction.Forwards, checkpoint + 1, Page, filter, ct))
                {
                    if (e.Position > head) break;
                    read++;
                    while (checkpointEvery > 0 && e.Position - 1 - lastReported >= checkpointEvery)
                    {
                        lastReported += checkpointEvery;
                        yield return new SubscriptionMessage.Checkpoint(lastReported);
                    }
                    checkpoint = e.Position;
                    lastReported = e.Position;
                    yield return new SubscriptionMessage.Event(e);
                }
                // Fewer than a page (or past the head): every position up to the head has been examined.
                if (read < Page) checkpoint = head;
                while (checkpointEvery > 0 && checkpoint - lastReported >= checkpointEvery)
                {
                    lastReported += checkpointEvery;
                    yield return new SubscriptionMessage.Checkpoint(lastReported);
                }
            }
            if (!caughtUp)
            {
                caughtUp = true;
                yield return new SubscriptionMessage.CaughtUp(head);
            }
            await store.WaitForEventsAfterAsync(checkpoint, ct);
        }
    }

    /// <summary>Events of one stream after <paramref name="afterRevision"/> (-1: from the start).</summary>
    public static async IAsyncEnumerable<SubscriptionMessage> SubscribeToStreamAsync(this IEventStore store, string stream, long afterRevision,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var next = afterRevision + 1;
        var caughtUp = false;
        while (!ct.IsCancellationRequested)
        {
            var head = await store.GetHeadPositionAsync(ct);
            var read = 0;
            do
            {
                read = 0;
                await foreach (var e in store.ReadStreamAsync(stream, Direction.Forwards, next, Page, ct))
                {
                    if (e.Position > head) break;
                    read++;
                    next = e.StreamRevision + 1;
                    yield return new SubscriptionMessage.Event(e);
                }
            } while (read == Page);
            if (!caughtUp)
            {
                caughtUp = true;
                yield return new SubscriptionMessage.CaughtUp(head);
            }
            await store.WaitForEventsAfterAsync(head, ct);
        }
    }
}
