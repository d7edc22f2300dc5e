using Registry.Contracts.Common;

namespace Registry.Contracts.Competitions;

/// <summary>Asks the registry to record <see cref="CompetitionClosed"/>; it has exactly the event's fields.</summary>
public sealed record CloseCompetition(string CompetitionId, DateOnly OccurredOn, string Source) : IRegistryCommand;
