namespace Registry.Contracts.Findings;

public enum FindingKind
{
    /// <summary>A reported figure disagrees with the sum of its itemized facts.</summary>
    ReportedDiffersFromItemized,
    /// <summary>Startups with the same normalized name in the same province, or in provinces merged in 2025.</summary>
    ProbableDuplicateStartup,
    /// <summary>Ecosystem events of the same kind and theme in the same region within 14 days.</summary>
    ProbableDuplicateEvent,
}
