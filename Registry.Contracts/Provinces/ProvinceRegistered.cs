using Registry.Contracts.Common;

namespace Registry.Contracts.Provinces;

/// <summary>A provincial-level unit exists from <paramref name="ValidFrom"/>. Codes are the General Statistics Office's.</summary>
public sealed record ProvinceRegistered(string Code, string Name, ProvinceKind Kind, string Region, DateOnly ValidFrom,
    DateOnly OccurredOn, string Source) : IRegistryEvent;
