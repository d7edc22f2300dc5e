using Registry.Contracts.Common;

namespace Registry.Contracts.Startups;

public sealed record StartupRegistered(string StartupId, string Name, string ProvinceCode, IReadOnlyList<string> Sectors, StartupStage Stage,
    DateOnly? FoundedOn, IReadOnlyList<Founder> Founders, string? Description, string? Website, DateOnly OccurredOn, string Source) : IRegistryEvent;
