using Registry.EventStore;

namespace Registry.Host.Grpc;

/// <summary>
/// The write side's rules for events that arrive through the EventStoreDB protocol, checked before anything is
/// appended: a partner's client must not get around the deciders by writing raw events.
/// </summary>
public interface IAppendValidator
{
    /// <summary>Null when the append may go ahead, otherwise why not (sent back to the client).</summary>
    string? Problem(string stream, IReadOnlyList<EventData> events);
}
