using Registry.Contracts.Common;

namespace Registry.Contracts.Organizations;

/// <summary>Asks the registry to record <see cref="OrganizationClosed"/>; it has exactly the event's fields.</summary>
public sealed record CloseOrganization(string OrganizationId, string Reason, DateOnly OccurredOn, string Source) : IRegistryCommand;
