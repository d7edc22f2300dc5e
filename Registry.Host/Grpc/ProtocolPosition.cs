namespace Registry.Host.Grpc;

/// <summary>
/// How the registry's log positions appear in the EventStoreDB protocol. An event at our global position P (1-based,
/// contiguous) has commit position = prepare position = P, and position 0 is the start of <c>$all</c>. Given a
/// position P, as EventStoreDB does:
/// <list type="bullet">
/// <item>a forwards read of <c>$all</c> returns the events at positions &gt;= P (P names an event's start);</item>
/// <item>a backwards read returns the events at positions &lt; P (P is where the reader stands, before that event);</item>
/// <item>a subscription returns the events after P, so an event's or a checkpoint's position is a resume point.</item>
/// </list>
/// An append answers with the position of its last event, so subscribing from it yields what came after the append.
/// Clients send both halves back; the commit position decides.
/// </summary>
public static class ProtocolPosition
{
    public static ulong From(long position) => (ulong)position;

    /// <summary>Our position for a protocol commit position (which no real log reaches beyond <see cref="long.MaxValue"/>).</summary>
    public static long To(ulong commitPosition) => commitPosition > long.MaxValue ? long.MaxValue : (long)commitPosition;
}
