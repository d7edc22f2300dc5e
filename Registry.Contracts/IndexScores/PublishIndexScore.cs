using Registry.Contracts.Common;

namespace Registry.Contracts.IndexScores;

/// <summary>Asks the registry to record <see cref="IndexScorePublished"/>; it has exactly the event's fields.</summary>
public sealed record PublishIndexScore(int Year, string ProvinceCode, decimal Score, int Rank, DateOnly OccurredOn, string Source) : IRegistryCommand;
