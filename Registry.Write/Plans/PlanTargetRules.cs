using Registry.Contracts.Plans;
using Registry.Write.Pipeline;

namespace Registry.Write.Plans;

/// <summary>A target measures a metric the registry computes, as a range ("03–05 dự án": min 3, max 5), due within its plan's period.</summary>
public static class PlanTargetRules
{
    public static void Check(PlanTarget target, int periodFrom, int periodTo, string prefix, FieldErrors errors)
    {
        errors.Require(PlanMetric.All.Contains(target.Metric), prefix + "metric", $"must be one of: {string.Join(", ", PlanMetric.All)}");
        errors.Require(target.Min <= target.Max, prefix + "max", $"is less than min ({target.Min})");
        errors.Require(target.DueOn.Year >= periodFrom && target.DueOn.Year <= periodTo + 1, prefix + "dueOn",
            $"is not within the plan's period {periodFrom}–{periodTo}");
    }
}
