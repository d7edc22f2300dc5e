using Registry.Contracts.Common;

namespace Registry.Contracts.Competitions;

/// <summary>Asks the registry to record <see cref="CompetitionLaunched"/>; it has exactly the event's fields.</summary>
public sealed record LaunchCompetition(string CompetitionId, string Name, string ProvinceCode, int Year, string Organizer,
    DateOnly OccurredOn, string Source) : IRegistryCommand;
