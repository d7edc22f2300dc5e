using Registry.Contracts.Plans;

namespace Registry.Read.Metrics;

/// <summary>The source of every <see cref="PlanMetric"/>. A fact counts in the year it belongs to (a competition's
/// prizes and applications in the competition's year, a training in the year it starts).</summary>
public static class MetricSources
{
    public static IReadOnlyList<MetricSource> All { get; } =
    [
        new(PlanMetric.StartupsRegistered, "startups", "province_code", "province_on", "registered_year", "count(*)", "registered_on", "registered_"),
        new(PlanMetric.StartupsSupported, "supports", "province_code", "province_on", "year", "count(DISTINCT startup_id)"),
        new(PlanMetric.StartupsFunded, "fundings", "province_code", "province_on", "year", "count(DISTINCT startup_id)"),
        new(PlanMetric.FundingVnd, "fundings", "province_code", "province_on", "year", "COALESCE(sum(amount_vnd), 0)"),
        new(PlanMetric.CompetitionsHeld, "competitions", "province_code", "province_on", "year", "count(*)", "province_on", "launched_"),
        new(PlanMetric.ValidApplications, "competitions", "province_code", "province_on", "year", "COALESCE(sum(valid), 0)", "province_on", "applications_"),
        new(PlanMetric.PrizesAwarded, "prizes", "province_code", "province_on", "year", "count(*)"),
        new(PlanMetric.TrainingsHeld, "trainings", "province_code", "province_on", "year", "count(*)"),
        new(PlanMetric.TrainingParticipants, "trainings", "province_code", "province_on", "year", "COALESCE(sum(participants), 0)"),
        new(PlanMetric.EcosystemEventsHeld, "ecosystem_events", "host_province_code", "province_on", "year", "count(*)"),
        new(PlanMetric.EcosystemEventExhibits, "ecosystem_events", "host_province_code", "province_on", "year", "COALESCE(sum(exhibits), 0)"),
        new(PlanMetric.SupportOrganizations, "organizations", "province_code", "province_on", "registered_year", "count(*)", "registered_on", "registered_"),
    ];

    public static MetricSource? Find(string metric) => All.FirstOrDefault(m => m.Metric == metric);
}
