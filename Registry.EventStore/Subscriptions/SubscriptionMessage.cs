namespace Registry.EventStore.Subscriptions;

/// <summary>What a catch-up subscription delivers: events, and markers a partner uses to save its place.</summary>
public abstract record SubscriptionMessage
{
    /// <summary>The next event after the checkpoint, in position order, exactly once.</summary>
    public sealed record Event(RecordedEvent Record) : SubscriptionMessage;

    /// <summary>History is read: what follows is live. <paramref name="Position"/> is the head at that moment.</summary>
    public sealed record CaughtUp(long Position) : SubscriptionMessage;

    /// <summary>Every event up to <paramref name="Position"/> was examined (filtered subscriptions save this).</summary>
    public sealed record Checkpoint(long Position) : SubscriptionMessage;
}
