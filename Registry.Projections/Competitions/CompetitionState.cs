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
}
