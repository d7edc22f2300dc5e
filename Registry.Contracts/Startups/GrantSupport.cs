using Registry.Contracts.Common;

namespace Registry.Contracts.Startups;

/// <summary>Asks the registry to record <see cref="SupportGranted"/>; it has exactly the event's fields.</summary>
public sealed record GrantSupport(string StartupId, string SupportId, string Programme, string Kind, decimal? AmountVnd, string? GrantedBy,
    DateOnly OccurredOn, string Source) : IRegistryCommand;
