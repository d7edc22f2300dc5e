using Registry.Contracts.Common;

namespace Registry.Contracts.EcosystemEvents;

/// <summary>A Techfest, workshop, forum or meeting held in <paramref name="HostProvinceCode"/>, involving <paramref name="ProvinceCodes"/>.</summary>
public sealed record EcosystemEventRecorded(string EcosystemEventId, EcosystemEventKind Kind, string Title, string Theme, string HostProvinceCode,
    IReadOnlyList<string> ProvinceCodes, string Region, string Organizer, DateOnly HeldOn, Figure? Attendees, Figure? Exhibits,
    DateOnly OccurredOn, string Source) : IRegistryEvent;
