using Registry.Contracts.Common;

namespace Registry.Contracts.Corrections;

/// <summary>Asks the registry to record <see cref="FactRetracted"/>; it has exactly the event's fields. The retracted event's type may be omitted: the write side fills it in from the log.</summary>
public sealed record RetractFact(Guid RetractedEventId, string? RetractedEventType, string Reason, DateOnly OccurredOn, string Source) : IRegistryCommand;
