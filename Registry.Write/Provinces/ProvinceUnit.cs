using Registry.Contracts.Provinces;

namespace Registry.Write.Provinces;

/// <summary>
/// One provincial-level unit for the span it exists: a code alone is not an identity, since code 15 was Yên Bái until
/// 1 July 2025 and is Lào Cai since. <see cref="ValidUntil"/> is exclusive; the successor is the unit it became part of.
/// </summary>
public sealed record ProvinceUnit(string Code, IReadOnlyList<(DateOnly From, string Name)> Names, ProvinceKind Kind, string Region,
    DateOnly ValidFrom, DateOnly? ValidUntil, string? SuccessorCode, string? SuccessorName)
{
    public string Name => Names[^1].Name;

    public string NameOn(DateOnly date) => Names.LastOrDefault(n => n.From <= date).Name ?? Names[0].Name;

    public bool IsValidOn(DateOnly date) => ValidFrom <= date && (ValidUntil is null || date < ValidUntil);
}
