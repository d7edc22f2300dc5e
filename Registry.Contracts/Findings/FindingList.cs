namespace Registry.Contracts.Findings;

public sealed record FindingList(string Map, long AsOfPosition, IReadOnlyList<Finding> Findings);
