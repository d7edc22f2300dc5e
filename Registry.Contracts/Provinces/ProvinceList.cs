namespace Registry.Contracts.Provinces;

/// <summary>The units of one map (<c>2025</c> or <c>pre2025</c>) as the registry knew them at <paramref name="AsOfPosition"/>.</summary>
public sealed record ProvinceList(string Map, long AsOfPosition, IReadOnlyList<ProvinceSummary> Provinces);
