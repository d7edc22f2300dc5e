using Registry.Contracts.Common;

namespace Registry.Contracts.Provinces;

/// <summary>Asks the registry to record <see cref="ProvincesReorganized"/>; it has exactly the event's fields.</summary>
public sealed record ReorganizeProvinces(string Resolution, DateOnly EffectiveOn, IReadOnlyList<ProvinceMerger> Mergers,
    DateOnly OccurredOn, string Source) : IRegistryCommand;
