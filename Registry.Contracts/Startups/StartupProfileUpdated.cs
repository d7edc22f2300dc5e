using Registry.Contracts.Common;

namespace Registry.Contracts.Startups;

/// <summary>A new profile: the fields given replace the old ones; null leaves a field as it was.</summary>
public sealed record StartupProfileUpdated(string StartupId, string? Name, IReadOnlyList<string>? Sectors, StartupStage? Stage,
    IReadOnlyList<Founder>? Founders, string? Description, string? Website, DateOnly OccurredOn, string Source) : IRegistryEvent;
