using Registry.Contracts.Plans;
using Registry.Projections.Common;
using Registry.Projections.Runtime;

namespace Registry.Projections.Plans;

/// <summary>
/// <c>plans</c> (provincial support plans, superseded over time), <c>plan_targets</c> (one version per target and
/// revision) and <c>resolutions</c>. Actuals are not stored here: plan progress computes them, as of any position,
/// from the itemized facts of the other read models.
/// </summary>
public sealed class PlansProjection : ReadModelProjection
{
    public override string Name => "plans";
    public override IReadOnlyList<string> Tables { get; } = ["plans", "plan_targets", "resolutions"];

    protected override IReadOnlySet<string> EventTypes { get; } = new HashSet<string>
    {
        nameof(ProvincialPlanAdopted), nameof(PlanTargetRevised), nameof(PlanSuperseded), nameof(ResolutionIssued),
    };

    private static readonly GenerationSql InsertPlan = new(t =>
        $"""
        INSERT INTO {t("plans")} (plan_id, number, number_norm, issuer, issued_on, province_code, province_on, period_from, period_to,
            title, title_norm, status, {Temporal.InsertColumns})
        VALUES (@PlanId, @Number, @NumberNorm, @Issuer, @IssuedOn, @ProvinceCode, @IssuedOn, @PeriodFrom, @PeriodTo,
            @Title, @TitleNorm, 'active', {Temporal.InsertValues})
        """);

    private static readonly GenerationSql SelectTarget = new(t =>
        $"""
        SELECT target_id, metric, unit, per_year, description FROM {t("plan_targets")}
        WHERE plan_id = @PlanId AND target_id = @TargetId AND valid_to IS NULL
        """);

    private static readonly GenerationSql InsertSupersededPlan = new(t =>
        $"""
        INSERT INTO {t("plans")} (plan_id, number, number_norm, issuer, issued_on, province_code, province_on, period_from, period_to,
            title, title_norm, status, superseded_by, superseded_on, {Temporal.InsertColumns})
        SELECT plan_id, number, number_norm, issuer, issued_on, province_code, province_on, period_from, period_to,
            title, title_norm, 'superseded', @SupersededByNumber, @OccurredOn, {Temporal.InsertValues}
        FROM {t("plans")} WHERE plan_id = @PlanId AND valid_to IS NULL
        """);

    private static readonly GenerationSql InsertResolution = new(t =>
        $"""
        INSERT INTO {t("resolutions")} (resolution_id, number, issuer, issued_on, province_code, province_on, title, title_norm, summary,
            {Temporal.InsertColumns})
        VALUES (@ResolutionId, @Number, @Issuer, @IssuedOn, @ProvinceCode, @IssuedOn, @Title, @TitleNorm, @Summary, {Temporal.InsertValues})
        """);

    private static readonly GenerationSql InsertPlanTarget = new(t =>
        $"""
        INSERT INTO {t("plan_targets")} (plan_id, target_id, metric, min_value, max_value, unit, per_year, due_on, description, {Temporal.InsertColumns})
        VALUES (@PlanId, @TargetId, @Metric, @Min, @Max, @Unit, @PerYear, @DueOn, @Description, {Temporal.InsertValues})
        """);

    private static readonly GenerationSql CloseTarget = new(t =>
        $"UPDATE {t("plan_targets")} SET valid_to = @p WHERE plan_id = @PlanId AND target_id = @TargetId AND valid_to IS NULL");

    private static readonly GenerationSql ClosePlan = new(t =>
        $"UPDATE {t("plans")} SET valid_to = @p WHERE plan_id = @PlanId AND valid_to IS NULL AND (valid_from < @p OR status <> 'superseded')");

    public override IReadOnlyList<string> Schema(SqlDialect dialect, Func<string, string> table) =>
    [
        $"""
        CREATE TABLE {table("plans")} (
            plan_id TEXT NOT NULL, number TEXT NOT NULL, number_norm TEXT NOT NULL, issuer TEXT NOT NULL, issued_on TEXT NOT NULL,
            province_code TEXT NOT NULL, province_on TEXT NOT NULL, period_from BIGINT NOT NULL, period_to BIGINT NOT NULL, title TEXT NOT NULL,
            title_norm TEXT NOT NULL, status TEXT NOT NULL, superseded_by TEXT, superseded_on TEXT, {Temporal.Columns})
        """,
        Temporal.StreamIndex(table("plans")),
        $"""
        CREATE TABLE {table("plan_targets")} (
            plan_id TEXT NOT NULL, target_id TEXT NOT NULL, metric TEXT NOT NULL, min_value DOUBLE PRECISION NOT NULL, max_value DOUBLE PRECISION NOT NULL,
            unit TEXT NOT NULL, per_year BIGINT NOT NULL, due_on TEXT NOT NULL, description TEXT NOT NULL, {Temporal.Columns})
        """,
        $"CREATE INDEX ix_{table("plan_targets")}_plan ON {table("plan_targets")} (plan_id)",
        Temporal.StreamIndex(table("plan_targets")),
        $"""
        CREATE TABLE {table("resolutions")} (
            resolution_id TEXT NOT NULL, number TEXT NOT NULL, issuer TEXT NOT NULL, issued_on TEXT NOT NULL, province_code TEXT NOT NULL,
            province_on TEXT NOT NULL, title TEXT NOT NULL, title_norm TEXT NOT NULL, summary TEXT NOT NULL, {Temporal.Columns})
        """,
        Temporal.StreamIndex(table("resolutions")),
    ];

    public override IReadOnlyList<string> QueryIndexes(SqlDialect dialect, Func<string, string> table) =>
    [
        $"CREATE INDEX ix_{table("plans")}_number ON {table("plans")} (number)",
    ];

    protected override async Task ApplyAsync(Fact fact, ProjectionBatch b)
    {
        switch (fact.Data)
        {
            case ProvincialPlanAdopted e:
                await b.Statements.ExecuteAsync(
                    InsertPlan,
                    Row(new
                    {
                        e.PlanId, e.Number, NumberNorm = TextNormalizer.Normalize(e.Number), e.Issuer, IssuedOn = IsoDate.Format(e.IssuedOn), e.ProvinceCode,
                        e.PeriodFrom, e.PeriodTo, e.Title, TitleNorm = TextNormalizer.Normalize(e.Title),
                    }, fact));
                foreach (var t in e.Targets)
                    await InsertTarget(b, fact, e.PlanId, t);
                break;

            case PlanTargetRevised e:
                var target = await b.Statements.QuerySingleOrDefaultAsync<TargetRow>(
                    SelectTarget, new { e.PlanId, e.TargetId });
                if (target is null) break;
                await b.Statements.ExecuteAsync(
                    CloseTarget,
                    new { p = fact.Position, e.PlanId, e.TargetId });
                await InsertTarget(b, fact, e.PlanId,
                    new PlanTarget(target.TargetId, target.Metric, e.Min, e.Max, target.Unit, target.PerYear != 0, e.DueOn, target.Description));
                break;

            case PlanSuperseded e:
                // Copy the current version with the new status, then close it: the plan's columns stay in SQL.
                await b.Statements.ExecuteAsync(
                    InsertSupersededPlan, Row(new { e.PlanId, e.SupersededByNumber }, fact));
                await b.Statements.ExecuteAsync(
                    ClosePlan,
                    new { p = fact.Position, e.PlanId });
                break;

            case ResolutionIssued e:
                await b.Statements.ExecuteAsync(
                    InsertResolution,
                    Row(new { e.ResolutionId, e.Number, e.Issuer, IssuedOn = IsoDate.Format(e.IssuedOn), e.ProvinceCode, e.Title, TitleNorm = TextNormalizer.Normalize(e.Title), e.Summary },
                        fact));
                break;
        }
    }

    private static Task InsertTarget(ProjectionBatch b, Fact fact, string planId, PlanTarget t) => b.Statements.ExecuteAsync(
        InsertPlanTarget,
        Row(new
        {
            PlanId = planId, t.TargetId, t.Metric, Min = (double)t.Min, Max = (double)t.Max, t.Unit, PerYear = t.PerYear ? 1L : 0L,
            DueOn = IsoDate.Format(t.DueOn), t.Description,
        }, fact));

    private sealed record TargetRow
    {
        public string TargetId { get; init; } = "";
        public string Metric { get; init; } = "";
        public string Unit { get; init; } = "";
        public long PerYear { get; init; }
        public string Description { get; init; } = "";
    }
}
