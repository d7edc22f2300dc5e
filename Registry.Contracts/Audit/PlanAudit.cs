using Registry.Contracts.Plans;

namespace Registry.Contracts.Audit;

/// <summary>
/// <c>registry audit plan NUMBER</c>: for each year-end of the plan's period (up to today), each target against the
/// actual as the registry said it at that date (asOf the year-end) and as it says today, with the events behind both.
/// </summary>
public sealed record PlanAudit(string PlanId, string Number, string Title, string ProvinceCode, int PeriodFrom, int PeriodTo, long TodayPosition,
    IReadOnlyList<PlanAuditYearEnd> YearEnds);

/// <summary>One year-end: the position the registry had reached then (null when the plan was not yet recorded) and the targets.</summary>
public sealed record PlanAuditYearEnd(DateOnly On, long Position, IReadOnlyList<PlanAuditRow> Rows);

/// <summary>A target of the year (or the whole period, at its last year-end): then against today, each with its events.</summary>
public sealed record PlanAuditRow(string TargetId, string Metric, int? Year, decimal Min, decimal Max,
    decimal? ActualThen, TargetStatus? StatusThen, decimal ActualNow, TargetStatus StatusNow, bool Changed,
    IReadOnlyList<ExplainedEvent> EventsThen, IReadOnlyList<ExplainedEvent> EventsNow);

/// <summary>
/// <c>registry audit diff --from T1 --to T2</c>: the events recorded between the two moments and every dashboard and
/// plan-progress figure that changed, old → new, with the events that entered and left it.
/// </summary>
public sealed record AuditDiff(long FromPosition, long ToPosition, IReadOnlyList<ExplainedEvent> Recorded, IReadOnlyList<FigureChange> Changes);

/// <summary>A changed figure: <paramref name="Scope"/> is <c>dashboard</c> (province, year) or <c>plan</c> (plan number, target).</summary>
public sealed record FigureChange(string Scope, string ProvinceCode, string? Plan, string? TargetId, string Metric, int? Year, decimal Old, decimal New,
    IReadOnlyList<ExplainedEvent> Added, IReadOnlyList<ExplainedEvent> Removed);
