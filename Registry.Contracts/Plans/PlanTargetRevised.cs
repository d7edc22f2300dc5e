using Registry.Contracts.Common;

namespace Registry.Contracts.Plans;

/// <summary>A target's range or due date is revised by a later decision; the original stays in history.</summary>
public sealed record PlanTargetRevised(string PlanId, string TargetId, decimal Min, decimal Max, DateOnly DueOn, string Reason,
    DateOnly OccurredOn, string Source) : IRegistryEvent;
