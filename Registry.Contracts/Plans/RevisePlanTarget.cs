using Registry.Contracts.Common;

namespace Registry.Contracts.Plans;

/// <summary>Asks the registry to record <see cref="PlanTargetRevised"/>; it has exactly the event's fields.</summary>
public sealed record RevisePlanTarget(string PlanId, string TargetId, decimal Min, decimal Max, DateOnly DueOn, string Reason,
    DateOnly OccurredOn, string Source) : IRegistryCommand;
