namespace Registry.Contracts.Provinces;

/// <summary>One row of a reorganization: the old unit and the unit it is part of from the effective date.</summary>
public sealed record ProvinceMerger(string OldCode, string OldName, string NewCode, string NewName, ProvinceKind NewKind);
