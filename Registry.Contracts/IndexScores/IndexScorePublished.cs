using Registry.Contracts.Common;

namespace Registry.Contracts.IndexScores;

/// <summary>A Provincial Innovation Index (PII) score and rank for one year.</summary>
public sealed record IndexScorePublished(int Year, string ProvinceCode, decimal Score, int Rank, DateOnly OccurredOn, string Source) : IRegistryEvent;
