using Registry.Contracts.Common;

namespace Registry.Contracts.Organizations;

public sealed record OrganizationClosed(string OrganizationId, string Reason, DateOnly OccurredOn, string Source) : IRegistryEvent;
