namespace Registry.Contracts.Startups;

/// <summary>A startup of the directory, with where its current version comes from (event id and source).</summary>
public sealed record StartupSummary(string StartupId, string Name, string ProvinceCode, string ProvinceName, IReadOnlyList<string> Sectors,
    string Stage, string Status, DateOnly RegisteredOn, string? CompanyName, string? Website, string Source, Guid EventId);
