using System.Globalization;
using Dapper;
using Registry.Contracts.Plans;
using Registry.Projections.Common;
using Registry.Read.Metrics;
using Registry.Read.Provinces;
using Registry.Read.Time;

namespace Registry.Read.Plans;

/// <summary>
/// <c>GET /api/plans/{number}/progress?province=&amp;map=&amp;asOf=</c>: each target of a plan, per year of its period
/// (or over the whole period), against the actual computed from the itemized facts of the plan's province. A plan
/// number is unique per province: <c>province</c> disambiguates. By default a plan is judged on the map it was
/// issued on (a Vĩnh Phúc plan of 2021 counts Vĩnh Phúc's facts, not all of Phú Thọ's). <c>validOn=DATE</c> counts the facts
/// true by that date (as known as of <c>asOf</c>) and judges progress on that date.
/// </summary>
public static class GetPlanProgress
{
    public static async Task<PlanProgress?> RunAsync(ReadDatabase db, string number, string? province, string? map, string? asOf, CancellationToken ct,
        string? validOn = null)
    {
        var valid = ValidTime.Parse(validOn);
        await using var connection = await db.OpenAsync(ct);
        var at = await AsOfResolver.ResolveAsync(connection, asOf, ct);
        if (valid is { } v) at = at with { ReferenceDate = v };
        var plans = (await connection.QueryAsync<PlanRow>(new CommandDefinition(
            $"""
            SELECT plan_id, number, title, province_code, province_on, period_from, period_to, status FROM plans
            WHERE {Temporal.VisibleAt()} AND (number = @number OR number_norm = @norm)
            """, new { asOf = at.Position, number = number.Trim(), norm = TextNormalizer.Normalize(number) }, cancellationToken: ct))).ToList();
        if (!string.IsNullOrWhiteSpace(province)) plans = plans.Where(p => p.ProvinceCode == province.Trim()).ToList();
        if (plans.Count == 0) return null;
        if (plans.Count > 1)
            throw new QueryParameterException("province",
                $"plan number '{number}' exists in provinces {string.Join(", ", plans.Select(p => p.ProvinceCode))}: give ?province=CODE");
        var plan = plans[0];

        var provinces = await ProvinceMap.LoadAsync(connection, at.Position, ct);
        var issuedOnOldMap = provinces.EffectiveOn is not null && string.CompareOrdinal(plan.ProvinceOn, provinces.EffectiveOn) < 0;
        var kind = MapKinds.Parse(map, issuedOnOldMap ? MapKind.Pre2025 : MapKind.Map2025);
        var unit = provinces.UnitOf(kind, plan.ProvinceCode, plan.ProvinceOn);

        var targets = await connection.QueryAsync<TargetRow>(new CommandDefinition(
            $"""
            SELECT target_id, metric, min_value, max_value, unit, per_year, due_on, description FROM plan_targets
            WHERE {Temporal.VisibleAt()} AND plan_id = @PlanId ORDER BY target_id
            """, new { asOf = at.Position, plan.PlanId }, cancellationToken: ct));
        var rows = new List<PlanProgressRow>();
        foreach (var t in targets)
        {
            if (MetricSources.Find(t.Metric) is not { } source) continue;
            var due = DateOnly.Parse(t.DueOn, CultureInfo.InvariantCulture);
            var spans = t.PerYear != 0
                ? Enumerable.Range((int)plan.PeriodFrom, (int)(plan.PeriodTo - plan.PeriodFrom + 1)).Select(y => (Year: (int?)y, From: y, To: y))
                : [(Year: (int?)null, From: (int)plan.PeriodFrom, To: Math.Min((int)plan.PeriodTo, due.Year))];
            var byYear = t.PerYear != 0
                ? await MetricValues.ComputeByYearAsync(connection, provinces, kind, unit, source, (int)plan.PeriodFrom, (int)plan.PeriodTo, at.Position, ct, valid)
                : null;
            foreach (var (year, from, to) in spans)
            {
                var actual = byYear is not null ? byYear.GetValueOrDefault(from)
                    : (await MetricValues.ComputeAsync(connection, provinces, kind, unit, [source], from, to, at.Position, ct, valid)).GetValueOrDefault(t.Metric);
                var start = new DateOnly(from, 1, 1);
                var end = year is null ? due : new DateOnly(to, 12, 31);
                var (expected, status) = ProgressRules.Judge((decimal)t.MinValue, actual, start, end, at.ReferenceDate);
                rows.Add(new PlanProgressRow(t.TargetId, t.Metric, t.Description, t.Unit, year, from, to, (decimal)t.MinValue, (decimal)t.MaxValue,
                    actual, expected, status));
            }
        }
        return new PlanProgress(plan.PlanId, plan.Number, plan.Title, unit, provinces.NameOf(kind, unit), (int)plan.PeriodFrom, (int)plan.PeriodTo,
            plan.Status, kind.Name(), at.Position, at.ReferenceDate, rows);
    }

    private sealed record PlanRow
    {
        public string PlanId { get; init; } = "";
        public string Number { get; init; } = "";
        public string Title { get; init; } = "";
        public string ProvinceCode { get; init; } = "";
        public string ProvinceOn { get; init; } = "";
        public long PeriodFrom { get; init; }
        public long PeriodTo { get; init; }
        public string Status { get; init; } = "";
    }

    private sealed record TargetRow
    {
        public string TargetId { get; init; } = "";
        public string Metric { get; init; } = "";
        public double MinValue { get; init; }
        public double MaxValue { get; init; }
        public string Unit { get; init; } = "";
        public long PerYear { get; init; }
        public string DueOn { get; init; } = "";
        public string Description { get; init; } = "";
    }
}
