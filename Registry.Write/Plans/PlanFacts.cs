using Registry.Contracts.Plans;
using Registry.Write.Pipeline;

namespace Registry.Write.Plans;

/// <summary>What the plan rules read from a plan's stream.</summary>
public static class PlanFacts
{
    /// <summary>The adopted plan, not superseded.</summary>
    public static ProvincialPlanAdopted RequireInForce(Facts plan, string planId)
    {
        var adopted = plan.First<ProvincialPlanAdopted>() ?? throw Rule.Broken($"plan '{planId}' is not adopted");
        if (plan.Last<PlanSuperseded>() is { } superseded)
            throw Rule.Broken($"plan {adopted.Number} was superseded by {superseded.SupersededByNumber} on {superseded.OccurredOn:yyyy-MM-dd}");
        return adopted;
    }

    public static IEnumerable<ProvinceRef> Provinces(Facts plan) =>
        plan.First<ProvincialPlanAdopted>() is { } adopted ? [new ProvinceRef(adopted.ProvinceCode, adopted.OccurredOn)] : [];
}
