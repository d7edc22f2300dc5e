using Registry.Contracts.Common;

namespace Registry.Contracts.Competitions;

/// <summary>Asks the registry to record <see cref="ApplicationsRecorded"/>; it has exactly the event's fields.</summary>
public sealed record RecordApplications(string CompetitionId, Figure Received, Figure Valid, DateOnly OccurredOn, string Source) : IRegistryCommand;
