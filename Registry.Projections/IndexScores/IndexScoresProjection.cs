using Registry.Contracts.IndexScores;
using Registry.Projections.Common;
using Registry.Projections.Runtime;

namespace Registry.Projections.IndexScores;

/// <summary><c>index_scores</c>: the Provincial Innovation Index per year and province; a republished score replaces the earlier one.</summary>
public sealed class IndexScoresProjection : ReadModelProjection
{
    public override string Name => "index_scores";
    public override IReadOnlyList<string> Tables { get; } = ["index_scores"];
    protected override IReadOnlySet<string> EventTypes { get; } = new HashSet<string> { nameof(IndexScorePublished) };

    private static readonly GenerationSql InsertIndexScore = new(t =>
        $"""
        INSERT INTO {t("index_scores")} (year, province_code, province_on, score, rank, {Temporal.InsertColumns})
        VALUES (@Year, @ProvinceCode, @OccurredOn, @Score, @Rank, {Temporal.InsertValues})
        """);

    private static readonly GenerationSql CloseScore = new(t =>
        $"UPDATE {t("index_scores")} SET valid_to = @p WHERE year = @Year AND province_code = @ProvinceCode AND valid_to IS NULL");

    public override IReadOnlyList<string> Schema(SqlDialect dialect, Func<string, string> table) =>
    [
        $"""
        CREATE TABLE {table("index_scores")} (
            year BIGINT NOT NULL, province_code TEXT NOT NULL, province_on TEXT NOT NULL, score DOUBLE PRECISION NOT NULL, rank BIGINT NOT NULL,
            {Temporal.Columns})
        """,
        $"CREATE INDEX ix_{table("index_scores")}_province ON {table("index_scores")} (province_code, year)",
        Temporal.StreamIndex(table("index_scores")),
    ];

    protected override async Task ApplyAsync(Fact fact, ProjectionBatch b)
    {
        if (fact.Data is not IndexScorePublished e) return;
        await b.Statements.ExecuteAsync(
            CloseScore,
            new { p = fact.Position, e.Year, e.ProvinceCode });
        await b.Statements.ExecuteAsync(
            InsertIndexScore,
            Row(new { e.Year, e.ProvinceCode, Score = (double)e.Score, e.Rank }, fact));
    }
}
