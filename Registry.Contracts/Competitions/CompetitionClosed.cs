using Registry.Contracts.Common;

namespace Registry.Contracts.Competitions;

public sealed record CompetitionClosed(string CompetitionId, DateOnly OccurredOn, string Source) : IRegistryEvent;
