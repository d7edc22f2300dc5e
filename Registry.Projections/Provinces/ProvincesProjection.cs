using Registry.Contracts.Provinces;
using Registry.Projections.Common;
using Registry.Projections.Runtime;

namespace Registry.Projections.Provinces;

/// <summary>
/// The provincial map over time. <c>provinces</c>: one row per unit and period of existence (valid time
/// <c>exists_from</c>–<c>exists_to</c>), so a code that changed meaning (15: Yên Bái, then Lào Cai) has a row for each
/// meaning. <c>province_lineage</c>: each old unit and the unit it became, with the reform's effective date.
/// </summary>
public sealed class ProvincesProjection : ReadModelProjection
{
    public override string Name => "provinces";
    public override IReadOnlyList<string> Tables { get; } = ["provinces", "province_lineage"];

    protected override IReadOnlySet<string> EventTypes { get; } =
        new HashSet<string> { nameof(ProvinceRegistered), nameof(ProvinceRenamed), nameof(ProvincesReorganized) };

    private static readonly GenerationSql InsertLineage = new(t =>
        $"""
        INSERT INTO {t("province_lineage")} (old_code, old_name, new_code, new_name, new_kind, effective_on, resolution, {Temporal.InsertColumns})
        VALUES (@OldCode, @OldName, @NewCode, @NewName, @NewKind, @Effective, @Resolution, {Temporal.InsertValues})
        """);

    private static readonly GenerationSql InsertProvince = new(t =>
        $"""
        INSERT INTO {t("provinces")} (code, name, name_norm, kind, region, exists_from, exists_to, {Temporal.InsertColumns})
        VALUES (@Code, @Name, @NameNorm, @Kind, @Region, @ExistsFrom, @ExistsTo, {Temporal.InsertValues})
        """);

    private static readonly GenerationSql SelectCurrentUnit = new(t =>
        $"SELECT code, name, kind, region, exists_from AS ExistsFrom FROM {t("provinces")} WHERE code = @code AND exists_to IS NULL AND valid_to IS NULL");

    private static readonly GenerationSql CloseUnit = new(t =>
        $"UPDATE {t("provinces")} SET valid_to = @p WHERE code = @code AND exists_to IS NULL AND valid_to IS NULL");

    // One DDL for both dialects: BIGINT, TEXT and partial indexes mean the same in SQLite and PostgreSQL.
    public override IReadOnlyList<string> Schema(SqlDialect dialect, Func<string, string> table) =>
    [
        $"""
        CREATE TABLE {table("provinces")} (
            code TEXT NOT NULL, name TEXT NOT NULL, name_norm TEXT NOT NULL, kind TEXT NOT NULL, region TEXT NOT NULL,
            exists_from TEXT NOT NULL, exists_to TEXT, {Temporal.Columns})
        """,
        Temporal.StreamIndex(table("provinces")),
        $"""
        CREATE TABLE {table("province_lineage")} (
            old_code TEXT NOT NULL, old_name TEXT NOT NULL, new_code TEXT NOT NULL, new_name TEXT NOT NULL, new_kind TEXT NOT NULL,
            effective_on TEXT NOT NULL, resolution TEXT NOT NULL, {Temporal.Columns})
        """,
        Temporal.StreamIndex(table("province_lineage")),
    ];

    protected override async Task ApplyAsync(Fact fact, ProjectionBatch b)
    {
        switch (fact.Data)
        {
            case ProvinceRegistered e:
                await Insert(b, fact, new Unit(e.Code, e.Name, e.Kind.ToString(), e.Region, IsoDate.Format(e.ValidFrom)), null);
                break;

            case ProvinceRenamed e:
                if (await End(b, fact, e.Code, IsoDate.Format(e.EffectiveOn)) is { } renamed)
                    await Insert(b, fact, renamed with { Name = e.NewName, Kind = e.Kind.ToString(), ExistsFrom = IsoDate.Format(e.EffectiveOn) }, null);
                break;

            case ProvincesReorganized e:
                var effective = IsoDate.Format(e.EffectiveOn);
                var ended = new Dictionary<string, Unit>();
                foreach (var m in e.Mergers)
                    if (await End(b, fact, m.OldCode, effective) is { } old) ended[old.Code] = old;
                foreach (var unit in e.Mergers.GroupBy(m => m.NewCode))
                {
                    var first = unit.First();
                    var region = ended.TryGetValue(unit.Key, out var same) ? same.Region
                        : unit.Select(m => ended.GetValueOrDefault(m.OldCode)?.Region).FirstOrDefault(r => r is not null) ?? "";
                    await Insert(b, fact, new Unit(unit.Key, first.NewName, first.NewKind.ToString(), region, effective), null);
                }
                foreach (var m in e.Mergers)
                    await b.Statements.ExecuteAsync(
                        InsertLineage,
                        Row(new { m.OldCode, m.OldName, m.NewCode, m.NewName, NewKind = m.NewKind.ToString(), Effective = effective, e.Resolution }, fact));
                break;
        }
    }

    /// <summary>Ends the existence of a unit on <paramref name="on"/>: its open version is closed and replaced by a
    /// version that says when it ended. Returns the unit as it was, or null when it is unknown.</summary>
    private static async Task<Unit?> End(ProjectionBatch b, Fact fact, string code, string on)
    {
        var current = await b.Statements.QuerySingleOrDefaultAsync<Unit>(
            SelectCurrentUnit,
            new { code });
        if (current is null) return null;
        await b.Statements.ExecuteAsync(
            CloseUnit,
            new { p = fact.Position, code });
        await Insert(b, fact, current, on);
        return current;
    }

    private static Task Insert(ProjectionBatch b, Fact fact, Unit u, string? existsTo) => b.Statements.ExecuteAsync(
        InsertProvince,
        Row(new { u.Code, u.Name, NameNorm = TextNormalizer.Normalize(u.Name), u.Kind, u.Region, u.ExistsFrom, ExistsTo = existsTo }, fact));

    private sealed record Unit(string Code, string Name, string Kind, string Region, string ExistsFrom);
}
