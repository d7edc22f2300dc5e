using Registry.Contracts.Common;

namespace Registry.Contracts.Provinces;

/// <summary>Asks the registry to record <see cref="ProvinceRegistered"/>; it has exactly the event's fields.</summary>
public sealed record RegisterProvince(string Code, string Name, ProvinceKind Kind, string Region, DateOnly ValidFrom,
    DateOnly OccurredOn, string Source) : IRegistryCommand;
