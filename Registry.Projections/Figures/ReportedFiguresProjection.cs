using Registry.Contracts.Figures;
using Registry.Projections.Common;
using Registry.Projections.Runtime;

namespace Registry.Projections.Figures;

/// <summary><c>reported_figures</c>: figures as sources state them, kept to be reconciled with the itemized facts.</summary>
public sealed class ReportedFiguresProjection : ReadModelProjection
{
    public override string Name => "reported_figures";
    public override IReadOnlyList<string> Tables { get; } = ["reported_figures"];
    protected override IReadOnlySet<string> EventTypes { get; } = new HashSet<string> { nameof(FigureReported) };

    private static readonly GenerationSql InsertFigure = new(t =>
        $"""
        INSERT INTO {t("reported_figures")} (figure_id, metric, province_code, province_on, period_from, period_to, value, qualifier, unit,
            statement, {Temporal.InsertColumns})
        VALUES (@FigureId, @Metric, @ProvinceCode, @OccurredOn, @PeriodFrom, @PeriodTo, @Value, @Qualifier, @Unit, @Statement, {Temporal.InsertValues})
        """);

    public override IReadOnlyList<string> Schema(SqlDialect dialect, Func<string, string> table) =>
    [
        $"""
        CREATE TABLE {table("reported_figures")} (
            figure_id TEXT NOT NULL, metric TEXT NOT NULL, province_code TEXT, province_on TEXT NOT NULL, period_from BIGINT NOT NULL,
            period_to BIGINT NOT NULL, value DOUBLE PRECISION NOT NULL, qualifier TEXT NOT NULL, unit TEXT NOT NULL, statement TEXT NOT NULL,
            {Temporal.Columns})
        """,
        Temporal.StreamIndex(table("reported_figures")),
    ];

    protected override Task ApplyAsync(Fact fact, ProjectionBatch b) => fact.Data switch
    {
        FigureReported e => b.Statements.ExecuteAsync(
            InsertFigure,
            Row(new
            {
                e.FigureId, e.Metric, e.ProvinceCode, e.PeriodFrom, e.PeriodTo, Value = (double)e.Value.Value, Qualifier = e.Value.Qualifier.ToString(),
                e.Unit, e.Statement,
            }, fact)),
        _ => Task.CompletedTask,
    };
}
