namespace Registry.Contracts.Provinces;

/// <summary>A unit of the map asked for: on the 2025 map with the old units it absorbed, on the old map with the unit it became.</summary>
public sealed record ProvinceSummary(string Code, string Name, string Kind, string Region, DateOnly ExistsFrom, DateOnly? ExistsTo,
    IReadOnlyList<string> FormerUnits, string? BecameCode, string? BecameName);
