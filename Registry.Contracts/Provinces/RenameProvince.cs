using Registry.Contracts.Common;

namespace Registry.Contracts.Provinces;

/// <summary>Asks the registry to record <see cref="ProvinceRenamed"/>; it has exactly the event's fields.</summary>
public sealed record RenameProvince(string Code, string OldName, string NewName, ProvinceKind Kind, DateOnly EffectiveOn,
    DateOnly OccurredOn, string Source) : IRegistryCommand;
