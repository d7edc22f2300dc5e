using Registry.Contracts.Common;

namespace Registry.Contracts.Plans;

/// <summary>Asks the registry to record <see cref="ProvincialPlanAdopted"/>; it has exactly the event's fields.</summary>
public sealed record AdoptProvincialPlan(string PlanId, string Number, string Issuer, DateOnly IssuedOn, string ProvinceCode,
    int PeriodFrom, int PeriodTo, string Title, IReadOnlyList<PlanTarget> Targets, DateOnly OccurredOn, string Source) : IRegistryCommand;
