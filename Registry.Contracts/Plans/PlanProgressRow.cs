namespace Registry.Contracts.Plans;

/// <summary>
/// One target of a plan for one year (<paramref name="Year"/>; null for a whole-period target, counted over
/// <paramref name="YearFrom"/>–<paramref name="YearTo"/>): the range against the actual, what was expected by the
/// reference date, and the status.
/// </summary>
public sealed record PlanProgressRow(string TargetId, string Metric, string Description, string Unit, int? Year, int YearFrom, int YearTo,
    decimal Min, decimal Max, decimal Actual, decimal Expected, TargetStatus Status);
