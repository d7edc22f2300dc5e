using Registry.Contracts.Common;

namespace Registry.Contracts.Provinces;

/// <summary>
/// A reorganization of the provincial map, such as Resolution 202/2025/QH15 (63 units became 34 on 1 July 2025).
/// Every old unit is listed with its new unit; a code may change meaning (15 was Yên Bái, is Lào Cai).
/// </summary>
public sealed record ProvincesReorganized(string Resolution, DateOnly EffectiveOn, IReadOnlyList<ProvinceMerger> Mergers,
    DateOnly OccurredOn, string Source) : IRegistryEvent;
