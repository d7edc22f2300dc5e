using Registry.Contracts.Common;

namespace Registry.Contracts.Plans;

/// <summary>
/// A plan number taken in a province, recorded with the plan's adoption in the same append. Its event id is derived
/// from the province and the number alone, so the log, which records an event id once, refuses a second plan with
/// that number atomically, even when two adoptions are decided at the same moment.
/// </summary>
public sealed record PlanNumberClaimed(string ProvinceCode, string Number, string PlanId, DateOnly OccurredOn, string Source) : IRegistryEvent;
