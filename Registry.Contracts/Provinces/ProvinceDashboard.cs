using Registry.Contracts.Common;
using Registry.Contracts.IndexScores;
using Registry.Contracts.Plans;

namespace Registry.Contracts.Provinces;

/// <summary>
/// A province's figures for one year on one map: startups registered that year (by sector and stage), the metrics of
/// <see cref="PlanMetric"/> computed from the itemized facts, and the PII scores of the units it covers.
/// <paramref name="Units"/> lists the recorded province codes that roll up into it on that map.
/// </summary>
public sealed record ProvinceDashboard(string Code, string Name, string Map, int Year, long AsOfPosition, IReadOnlyList<string> Units,
    long StartupsRegistered, IReadOnlyList<CountBy> StartupsBySector, IReadOnlyList<CountBy> StartupsByStage,
    IReadOnlyList<MetricValue> Figures, IReadOnlyList<IndexScoreEntry> IndexScores);
