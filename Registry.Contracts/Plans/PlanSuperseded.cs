using Registry.Contracts.Common;

namespace Registry.Contracts.Plans;

/// <summary>A plan is replaced by a later one (its targets stop counting from <paramref name="OccurredOn"/>).</summary>
public sealed record PlanSuperseded(string PlanId, string SupersededByPlanId, string SupersededByNumber, DateOnly OccurredOn, string Source) : IRegistryEvent;
