using Registry.Contracts.Common;

namespace Registry.Contracts.Startups;

/// <summary>Asks the registry to record <see cref="StartupRegistered"/>; it has exactly the event's fields.</summary>
public sealed record RegisterStartup(string StartupId, string Name, string ProvinceCode, IReadOnlyList<string> Sectors, StartupStage Stage,
    DateOnly? FoundedOn, IReadOnlyList<Founder> Founders, string? Description, string? Website, DateOnly OccurredOn, string Source) : IRegistryCommand;
