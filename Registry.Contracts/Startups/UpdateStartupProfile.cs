using Registry.Contracts.Common;

namespace Registry.Contracts.Startups;

/// <summary>Asks the registry to record <see cref="StartupProfileUpdated"/>; it has exactly the event's fields.</summary>
public sealed record UpdateStartupProfile(string StartupId, string? Name, IReadOnlyList<string>? Sectors, StartupStage? Stage,
    IReadOnlyList<Founder>? Founders, string? Description, string? Website, DateOnly OccurredOn, string Source) : IRegistryCommand;
