using Registry.Contracts.Common;

namespace Registry.Contracts.Competitions;

/// <summary>A startup competition (Cuộc thi khởi nghiệp), usually yearly per province.</summary>
public sealed record CompetitionLaunched(string CompetitionId, string Name, string ProvinceCode, int Year, string Organizer,
    DateOnly OccurredOn, string Source) : IRegistryEvent;
