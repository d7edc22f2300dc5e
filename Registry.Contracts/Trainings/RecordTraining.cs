using Registry.Contracts.Common;

namespace Registry.Contracts.Trainings;

/// <summary>Asks the registry to record <see cref="TrainingRecorded"/>; it has exactly the event's fields.</summary>
public sealed record RecordTraining(string TrainingId, string Title, string Organizer, string ProvinceCode, DateOnly StartsOn, DateOnly EndsOn,
    string Audience, Figure Participants, DateOnly OccurredOn, string Source) : IRegistryCommand;
