namespace Registry.Projections.Competitions;

/// <summary>A competition as its current version in <c>competitions</c> holds it.</summary>
public sealed record CompetitionState
{
    public string CompetitionId { get; init; } = "";
    public string Name { get; init; } = "";
    public string ProvinceCode { get; init; } = "";
    public string ProvinceOn { get; init; } = "";
    public long Year { get; init; }
    public string Organizer { get; init; } = "";
    public string Status { get; init; } = "open";
    public double? Received { get; init; }
    public string? ReceivedQualifier { get; init; }
    public double? Valid { get; init; }
    public string? ValidQualifier { get; init; }

    // The facts behind the figures the version carries (a version's own provenance is its latest change, a closing
    // say): what an explanation of the competitions held, or of their applications, cites.
    public string? LaunchedEventId { get; init; }
    public string? LaunchedRevisedBy { get; init; }
    public string? LaunchedOn { get; init; }
    public string? LaunchedSource { get; init; }
    public string? ApplicationsEventId { get; init; }
    public string? ApplicationsRevisedBy { get; init; }
    public string? ApplicationsOn { get; init; }
    public string? ApplicationsSource { get; init; }
}
