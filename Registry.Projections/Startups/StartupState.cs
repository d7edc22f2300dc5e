namespace Registry.Projections.Startups;

/// <summary>A startup as its current version in <c>startups</c> holds it (founders are personal data: only counted).</summary>
public sealed record StartupState
{
    public string StartupId { get; init; } = "";
    public string Name { get; init; } = "";
    public string ProvinceCode { get; init; } = "";
    /// <summary>The date the province code was recorded for, which says how to read it (codes changed meaning in 2025).</summary>
    public string ProvinceOn { get; init; } = "";
    /// <summary>Sectors as given, separated by '|'.</summary>
    public string Sectors { get; init; } = "";
    public string Stage { get; init; } = "";
    public string? FoundedOn { get; init; }
    public long FoundersCount { get; init; }
    public string? Description { get; init; }
    public string? Website { get; init; }
    public string? CompanyName { get; init; }
    public string? EnterpriseCode { get; init; }
    public string Status { get; init; } = "active";
    public string RegisteredOn { get; init; } = "";
    public long RegisteredYear { get; init; }

    // The registration behind the version (whose own provenance is its latest change): what an explanation of the
    // startups registered cites. Its date is RegisteredOn.
    public string? RegisteredEventId { get; init; }
    public string? RegisteredRevisedBy { get; init; }
    public string? RegisteredSource { get; init; }
}
