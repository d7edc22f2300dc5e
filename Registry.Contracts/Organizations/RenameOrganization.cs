using Registry.Contracts.Common;

namespace Registry.Contracts.Organizations;

/// <summary>Asks the registry to record <see cref="OrganizationRenamed"/>; it has exactly the event's fields.</summary>
public sealed record RenameOrganization(string OrganizationId, string OldName, string NewName, DateOnly OccurredOn, string Source) : IRegistryCommand;
