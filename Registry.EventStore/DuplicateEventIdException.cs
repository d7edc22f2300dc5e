namespace Registry.EventStore;

/// <summary>
/// An event id is already recorded, but not as an exact retry of this append (other content, another place or
/// only part of the append): nothing was written.
/// </summary>
public sealed class DuplicateEventIdException(Guid eventId, string reason)
    : Exception($"Event id {eventId} is already recorded: {reason}.")
{
    public Guid EventId { get; } = eventId;
}
