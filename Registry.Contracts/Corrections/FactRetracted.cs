using Registry.Contracts.Common;

namespace Registry.Contracts.Corrections;

/// <summary>A fact found to be wrong altogether: from this event on it no longer counts. It stays in history.</summary>
public sealed record FactRetracted(Guid RetractedEventId, string RetractedEventType, string Reason, DateOnly OccurredOn, string Source) : IRegistryEvent;
