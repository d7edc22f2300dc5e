using Registry.Contracts.Common;

namespace Registry.Contracts.Competitions;

/// <summary>Applications received and how many were valid (hồ sơ hợp lệ). Recording again replaces the earlier count.</summary>
public sealed record ApplicationsRecorded(string CompetitionId, Figure Received, Figure Valid, DateOnly OccurredOn, string Source) : IRegistryEvent;
