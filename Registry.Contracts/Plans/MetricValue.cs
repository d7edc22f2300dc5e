namespace Registry.Contracts.Plans;

/// <summary>The actual figure of a <see cref="PlanMetric"/>, computed from the itemized facts.</summary>
public sealed record MetricValue(string Metric, decimal Value);
