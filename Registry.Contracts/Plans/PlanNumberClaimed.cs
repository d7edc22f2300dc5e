using Registry.Contracts.Common;

namespace Registry.Contracts.Plans;

/// <summary>
/// A plan number taken in a province, in a stream of its own (<see cref="StreamNames.PlanNumber"/>), written by the
/// adoption just before the plan's own facts. The log appends a stream's first event only once, so of two adoptions
/// of one number decided at the same moment exactly one claims it; the other is refused.
/// </summary>
public sealed record PlanNumberClaimed(string ProvinceCode, string Number, string PlanId, DateOnly OccurredOn, string Source) : IRegistryEvent;
