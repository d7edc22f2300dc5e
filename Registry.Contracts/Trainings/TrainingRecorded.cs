using Registry.Contracts.Common;

namespace Registry.Contracts.Trainings;

/// <summary>A training course (tập huấn / đào tạo); participants count attendances ("lượt người").</summary>
public sealed record TrainingRecorded(string TrainingId, string Title, string Organizer, string ProvinceCode, DateOnly StartsOn, DateOnly EndsOn,
    string Audience, Figure Participants, DateOnly OccurredOn, string Source) : IRegistryEvent;
