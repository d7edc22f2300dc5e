using Registry.Contracts.Common;

namespace Registry.Contracts.Plans;

/// <summary>A province adopts a support plan (Kế hoạch), e.g. Lạng Sơn's 201/KH-UBND for 2021–2025, with its targets.</summary>
public sealed record ProvincialPlanAdopted(string PlanId, string Number, string Issuer, DateOnly IssuedOn, string ProvinceCode,
    int PeriodFrom, int PeriodTo, string Title, IReadOnlyList<PlanTarget> Targets, DateOnly OccurredOn, string Source) : IRegistryEvent;
