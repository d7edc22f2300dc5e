namespace Registry.Contracts.Plans;

/// <summary>
/// One numeric target of a plan: "03–05 dự án" is Min 3, Max 5; a single figure has Min = Max. A target is either per
/// year of the plan's period (<paramref name="PerYear"/>) or for the whole period, due on <paramref name="DueOn"/>.
/// </summary>
public sealed record PlanTarget(string TargetId, string Metric, decimal Min, decimal Max, string Unit, bool PerYear, DateOnly DueOn, string Description);
