using Registry.Contracts.Common;

namespace Registry.Contracts.Organizations;

/// <summary>Asks the registry to record <see cref="SupportOrganizationRegistered"/>; it has exactly the event's fields.</summary>
public sealed record RegisterSupportOrganization(string OrganizationId, string Name, OrganizationKind Kind, string? ProvinceCode,
    string? Website, DateOnly OccurredOn, string Source) : IRegistryCommand;
