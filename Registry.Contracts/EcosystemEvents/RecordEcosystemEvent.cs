using Registry.Contracts.Common;

namespace Registry.Contracts.EcosystemEvents;

/// <summary>Asks the registry to record <see cref="EcosystemEventRecorded"/>; it has exactly the event's fields.</summary>
public sealed record RecordEcosystemEvent(string EcosystemEventId, EcosystemEventKind Kind, string Title, string Theme, string HostProvinceCode,
    IReadOnlyList<string> ProvinceCodes, string Region, string Organizer, DateOnly HeldOn, Figure? Attendees, Figure? Exhibits,
    DateOnly OccurredOn, string Source) : IRegistryCommand;
