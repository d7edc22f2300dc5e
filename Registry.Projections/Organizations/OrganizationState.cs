namespace Registry.Projections.Organizations;

/// <summary>A support organization as its current version in <c>organizations</c> holds it.</summary>
public sealed record OrganizationState
{
    public string OrganizationId { get; init; } = "";
    public string Name { get; init; } = "";
    public string Kind { get; init; } = "";
    public string? ProvinceCode { get; init; }
    public string ProvinceOn { get; init; } = "";
    public string? Website { get; init; }
    public string Status { get; init; } = "active";
    public string RegisteredOn { get; init; } = "";

    // The registration behind the version (whose own provenance is its latest change), cited when the organizations
    // registered are explained. Its date is RegisteredOn.
    public string? RegisteredEventId { get; init; }
    public string? RegisteredRevisedBy { get; init; }
    public string? RegisteredSource { get; init; }
}
