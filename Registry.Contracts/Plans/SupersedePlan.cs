using Registry.Contracts.Common;

namespace Registry.Contracts.Plans;

/// <summary>Asks the registry to record <see cref="PlanSuperseded"/>; it has exactly the event's fields.</summary>
public sealed record SupersedePlan(string PlanId, string SupersededByPlanId, string SupersededByNumber, DateOnly OccurredOn, string Source) : IRegistryCommand;
