using System.Globalization;
using Registry.Contracts.Audit;
using Registry.Read.Plans;
using Registry.Read.Provenance;

namespace Registry.Read.Audit;

/// <summary>The plan audit (see <see cref="PlanAudit"/>): built from the plan-progress query and its explanation, asked asOf each year-end.</summary>
public static class AuditPlan
{
    public static async Task<PlanAudit?> RunAsync(ReadDatabase db, string number, string? province, CancellationToken ct)
    {
        var today = await GetPlanProgress.RunAsync(db, number, province, null, null, ct);
        if (today is null) return null;
        var province2 = today.ProvinceCode;
        var ends = new List<PlanAuditYearEnd>();
        var todayDate = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var y = today.PeriodFrom; y <= today.PeriodTo; y++)
        {
            var on = new DateOnly(y, 12, 31);
            if (on > todayDate) break;
            var asOf = on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var then = await GetPlanProgress.RunAsync(db, number, province, null, asOf, ct);
            var rows = new List<PlanAuditRow>();
            foreach (var now in today.Rows.Where(r => r.Year == y || (r.Year is null && (r.YearTo == y || (y == today.PeriodTo && r.YearTo > y)))))
            {
                var was = then?.Rows.FirstOrDefault(r => r.TargetId == now.TargetId && r.Year == now.Year);
                var year = now.Year?.ToString(CultureInfo.InvariantCulture);
                var eventsThen = was is null ? [] : (await ExplainMetric.PlanAsync(db, number, now.Metric, year, province, null, asOf, ct))?.Events ?? [];
                var eventsNow = (await ExplainMetric.PlanAsync(db, number, now.Metric, year, province, null, null, ct))?.Events ?? [];
                rows.Add(new PlanAuditRow(now.TargetId, now.Metric, now.Year, now.Min, now.Max, was?.Actual, was?.Status, now.Actual, now.Status,
                    was is null || was.Actual != now.Actual, eventsThen, eventsNow));
            }
            ends.Add(new PlanAuditYearEnd(on, then?.AsOfPosition ?? 0, rows));
        }
        return new PlanAudit(today.PlanId, today.Number, today.Title, province2, today.PeriodFrom, today.PeriodTo, today.AsOfPosition, ends);
    }
}
