using Registry.Contracts.Common;

namespace Registry.Contracts.Provinces;

/// <summary>A unit keeps its code and identity under a new name (Thừa Thiên Huế became Thành phố Huế).</summary>
public sealed record ProvinceRenamed(string Code, string OldName, string NewName, ProvinceKind Kind, DateOnly EffectiveOn,
    DateOnly OccurredOn, string Source) : IRegistryEvent;
