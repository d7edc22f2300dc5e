namespace Registry.Contracts.Search;

/// <summary>One match of a registry-wide search: what it is (startup, organization, plan…), its id and title.</summary>
public sealed record SearchHit(string Kind, string Id, string Title, string? ProvinceCode);
