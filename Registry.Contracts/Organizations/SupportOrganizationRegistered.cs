using Registry.Contracts.Common;

namespace Registry.Contracts.Organizations;

/// <summary>An organization of the ecosystem; a national one has no province.</summary>
public sealed record SupportOrganizationRegistered(string OrganizationId, string Name, OrganizationKind Kind, string? ProvinceCode,
    string? Website, DateOnly OccurredOn, string Source) : IRegistryEvent;
