using Registry.Contracts.Organizations;
using Registry.Projections.Common;
using Registry.Projections.Runtime;

namespace Registry.Projections.Organizations;

/// <summary><c>investors</c>: funds, angels, corporates. An angel's person name and contacts are personal data and stay out.</summary>
public sealed class InvestorsProjection : ReadModelProjection
{
    public override string Name => "investors";
    public override IReadOnlyList<string> Tables { get; } = ["investors"];
    protected override IReadOnlySet<string> EventTypes { get; } = new HashSet<string> { nameof(InvestorRegistered) };

    private static readonly GenerationSql InsertInvestor = new(t =>
        $"""
        INSERT INTO {t("investors")} (investor_id, name, name_norm, kind, province_code, province_on, {Temporal.InsertColumns})
        VALUES (@InvestorId, @Name, @NameNorm, @Kind, @ProvinceCode, @OccurredOn, {Temporal.InsertValues})
        """);

    public override IReadOnlyList<string> Schema(SqlDialect dialect, Func<string, string> table) =>
    [
        $"""
        CREATE TABLE {table("investors")} (
            investor_id TEXT NOT NULL, name TEXT NOT NULL, name_norm TEXT NOT NULL, kind TEXT NOT NULL, province_code TEXT, province_on TEXT NOT NULL,
            {Temporal.Columns})
        """,
        Temporal.StreamIndex(table("investors")),
    ];

    protected override Task ApplyAsync(Fact fact, ProjectionBatch b) => fact.Data switch
    {
        InvestorRegistered e => b.Statements.ExecuteAsync(
            InsertInvestor,
            Row(new { e.InvestorId, e.Name, NameNorm = TextNormalizer.Normalize(e.Name), Kind = e.Kind.ToString(), e.ProvinceCode }, fact)),
        _ => Task.CompletedTask,
    };
}
