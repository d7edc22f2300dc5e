using Registry.Contracts.EcosystemEvents;
using Registry.Projections.Common;
using Registry.Projections.Runtime;

namespace Registry.Projections.EcosystemEvents;

/// <summary>
/// <c>ecosystem_events</c>: Techfests, workshops, forums. <c>held_day</c> (days since 0001-01-01) lets both databases
/// find events of the same kind, theme and region within 14 days with plain integer arithmetic.
/// </summary>
public sealed class EcosystemEventsProjection : ReadModelProjection
{
    public override string Name => "ecosystem_events";

    // 2: the province index covers what the dashboard's figures read.
    public override int Version => 2;
    public override IReadOnlyList<string> Tables { get; } = ["ecosystem_events"];
    protected override IReadOnlySet<string> EventTypes { get; } = new HashSet<string> { nameof(EcosystemEventRecorded) };

    private static readonly GenerationSql InsertEcosystemEvent = new(t =>
        $"""
        INSERT INTO {t("ecosystem_events")} (ecosystem_event_id, kind, title, title_norm, theme, theme_norm, host_province_code, province_on,
            province_codes, region, region_norm, organizer, held_on, held_day, year, attendees, exhibits, {Temporal.InsertColumns})
        VALUES (@EcosystemEventId, @Kind, @Title, @TitleNorm, @Theme, @ThemeNorm, @HostProvinceCode, @OccurredOn,
            @ProvinceCodes, @Region, @RegionNorm, @Organizer, @HeldOn, @HeldDay, @Year, @Attendees, @Exhibits, {Temporal.InsertValues})
        """);

    public override IReadOnlyList<string> Schema(SqlDialect dialect, Func<string, string> table) =>
    [
        $"""
        CREATE TABLE {table("ecosystem_events")} (
            ecosystem_event_id TEXT NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL, title_norm TEXT NOT NULL, theme TEXT NOT NULL, theme_norm TEXT NOT NULL,
            host_province_code TEXT NOT NULL, province_on TEXT NOT NULL, province_codes TEXT NOT NULL, region TEXT NOT NULL, region_norm TEXT NOT NULL,
            organizer TEXT NOT NULL, held_on TEXT NOT NULL, held_day BIGINT NOT NULL, year BIGINT NOT NULL, attendees DOUBLE PRECISION,
            exhibits DOUBLE PRECISION, {Temporal.Columns})
        """,
        Temporal.StreamIndex(table("ecosystem_events")),
    ];

    public override IReadOnlyList<string> QueryIndexes(SqlDialect dialect, Func<string, string> table) =>
    [
        $"CREATE INDEX ix_{table("ecosystem_events")}_similar ON {table("ecosystem_events")} (kind, theme_norm, region_norm, held_day)",
        CoveringIndex.Create(dialect, $"ix_{table("ecosystem_events")}_province ON {table("ecosystem_events")}", "host_province_code, year", "province_on, valid_from, valid_to"),
    ];

    protected override Task ApplyAsync(Fact fact, ProjectionBatch b) => fact.Data switch
    {
        EcosystemEventRecorded e => b.Statements.ExecuteAsync(
            InsertEcosystemEvent,
            Row(new
            {
                e.EcosystemEventId, Kind = e.Kind.ToString(), e.Title, TitleNorm = TextNormalizer.Normalize(e.Title), e.Theme,
                ThemeNorm = TextNormalizer.Normalize(e.Theme), e.HostProvinceCode, ProvinceCodes = string.Join('|', e.ProvinceCodes), e.Region,
                RegionNorm = TextNormalizer.Normalize(e.Region), e.Organizer, HeldOn = IsoDate.Format(e.HeldOn), HeldDay = (long)e.HeldOn.DayNumber,
                Year = e.HeldOn.Year, Attendees = (double?)e.Attendees?.Value, Exhibits = (double?)e.Exhibits?.Value,
            }, fact)),
        _ => Task.CompletedTask,
    };
}
