using Registry.Contracts.Competitions;
using Registry.Projections.Common;
using Registry.Projections.Runtime;

namespace Registry.Projections.Competitions;

/// <summary>
/// <c>competitions</c>: one version per change (launched, applications recorded, closed); <c>prizes</c>: one row per
/// prize, carrying the competition's province and year so that dashboards need no join.
/// </summary>
public sealed class CompetitionsProjection : ReadModelProjection
{
    public override string Name => "competitions";

    // 2: the province index covers what the dashboard's figures read. 3: each version keeps the facts behind its figures.
    public override int Version => 3;
    public override IReadOnlyList<string> Tables { get; } = ["competitions", "prizes"];

    protected override IReadOnlySet<string> EventTypes { get; } = new HashSet<string>
    {
        nameof(CompetitionLaunched), nameof(ApplicationsRecorded), nameof(PrizeAwarded), nameof(CompetitionClosed),
    };

    private const string Columns =
        "competition_id, name, province_code, province_on, year, organizer, status, received, received_qualifier, valid, valid_qualifier, " +
        "launched_event_id, launched_revised_by, launched_on, launched_source, " +
        "applications_event_id, applications_revised_by, applications_on, applications_source";

    private static readonly CurrentVersions<CompetitionState> Versions = new("competition_id", Columns, "competitions", ["competitions"], WriteRow);

    private static readonly GenerationSql InsertPrize = new(t =>
        $"""
        INSERT INTO {t("prizes")} (prize_id, competition_id, recipient_kind, recipient_id, recipient_name, rank, amount_vnd,
            province_code, province_on, year, {Temporal.InsertColumns})
        VALUES (@PrizeId, @CompetitionId, @RecipientKind, @RecipientId, @RecipientName, @Rank, @AmountVnd,
            @ProvinceCode, @ProvinceOn, @Year, {Temporal.InsertValues})
        """);

    private static readonly GenerationSql InsertCompetition = new(t =>
        $"""
        INSERT INTO {t("competitions")} ({Columns}, name_norm, {Temporal.InsertColumns})
        VALUES (@CompetitionId, @Name, @ProvinceCode, @ProvinceOn, @Year, @Organizer, @Status, @Received, @ReceivedQualifier, @Valid, @ValidQualifier,
                @LaunchedEventId, @LaunchedRevisedBy, @LaunchedOn, @LaunchedSource,
                @ApplicationsEventId, @ApplicationsRevisedBy, @ApplicationsOn, @ApplicationsSource,
                @NameNorm, {Temporal.InsertValues})
        """);

    public override IReadOnlyList<string> Schema(SqlDialect dialect, Func<string, string> table) =>
    [
        $"""
        CREATE TABLE {table("competitions")} (
            competition_id TEXT NOT NULL, name TEXT NOT NULL, name_norm TEXT NOT NULL, province_code TEXT NOT NULL, province_on TEXT NOT NULL,
            year BIGINT NOT NULL, organizer TEXT NOT NULL, status TEXT NOT NULL, received DOUBLE PRECISION, received_qualifier TEXT,
            valid DOUBLE PRECISION, valid_qualifier TEXT,
            launched_event_id TEXT, launched_revised_by TEXT, launched_on TEXT, launched_source TEXT,
            applications_event_id TEXT, applications_revised_by TEXT, applications_on TEXT, applications_source TEXT, {Temporal.Columns})
        """,
        $"CREATE INDEX ix_{table("competitions")}_current ON {table("competitions")} (competition_id) WHERE valid_to IS NULL",
        Temporal.StreamIndex(table("competitions")),
        $"""
        CREATE TABLE {table("prizes")} (
            prize_id TEXT NOT NULL, competition_id TEXT NOT NULL, recipient_kind TEXT NOT NULL, recipient_id TEXT NOT NULL, recipient_name TEXT NOT NULL,
            rank TEXT NOT NULL, amount_vnd DOUBLE PRECISION, province_code TEXT NOT NULL, province_on TEXT NOT NULL, year BIGINT NOT NULL, {Temporal.Columns})
        """,
        Temporal.StreamIndex(table("prizes")),
    ];

    public override IReadOnlyList<string> QueryIndexes(SqlDialect dialect, Func<string, string> table) =>
    [
        $"CREATE INDEX ix_{table("competitions")}_id ON {table("competitions")} (competition_id, valid_from)",
        CoveringIndex.Create(dialect, $"ix_{table("competitions")}_province ON {table("competitions")}", "province_code, year", "province_on, valid_from, valid_to, valid"),
        $"CREATE INDEX ix_{table("prizes")}_competition ON {table("prizes")} (competition_id)",
        CoveringIndex.Create(dialect, $"ix_{table("prizes")}_province ON {table("prizes")}", "province_code, year", "province_on, valid_from, valid_to"),
    ];

    protected override async Task ApplyAsync(Fact fact, ProjectionBatch b)
    {
        switch (fact.Data)
        {
            case CompetitionLaunched e:
                await Open(b, fact, new CompetitionState
                {
                    CompetitionId = e.CompetitionId, Name = e.Name, ProvinceCode = e.ProvinceCode, ProvinceOn = fact.Provenance.OccurredOn,
                    Year = e.Year, Organizer = e.Organizer,
                    LaunchedEventId = fact.Provenance.EventId, LaunchedRevisedBy = fact.Provenance.RevisedBy,
                    LaunchedOn = fact.Provenance.OccurredOn, LaunchedSource = fact.Provenance.Source,
                });
                break;
            case ApplicationsRecorded e:
                // Recording again replaces the earlier count.
                await Change(b, fact, e.CompetitionId, c => c with
                {
                    Received = (double)e.Received.Value, ReceivedQualifier = e.Received.Qualifier.ToString(),
                    Valid = (double)e.Valid.Value, ValidQualifier = e.Valid.Qualifier.ToString(),
                    ApplicationsEventId = fact.Provenance.EventId, ApplicationsRevisedBy = fact.Provenance.RevisedBy,
                    ApplicationsOn = fact.Provenance.OccurredOn, ApplicationsSource = fact.Provenance.Source,
                });
                break;
            case CompetitionClosed e:
                await Change(b, fact, e.CompetitionId, c => c with { Status = "closed" });
                break;
            case PrizeAwarded e:
                var competition = await Versions.GetAsync(b, e.CompetitionId);
                await b.Statements.ExecuteAsync(
                    InsertPrize,
                    Row(new
                    {
                        e.PrizeId, e.CompetitionId, RecipientKind = e.RecipientKind.ToString(), e.RecipientId, e.RecipientName, e.Rank,
                        AmountVnd = (double?)e.AmountVnd, ProvinceCode = competition?.ProvinceCode ?? "", ProvinceOn = competition?.ProvinceOn ?? fact.Provenance.OccurredOn,
                        Year = competition?.Year ?? e.OccurredOn.Year,
                    }, fact));
                break;
        }
    }

    private static async Task Change(ProjectionBatch b, Fact fact, string competitionId, Func<CompetitionState, CompetitionState> change)
    {
        if (await Versions.CloseAsync(b, fact, competitionId) is { } current) await Open(b, fact, change(current));
    }

    private static Task Open(ProjectionBatch b, Fact fact, CompetitionState c) => Versions.OpenAsync(b, fact, c.CompetitionId, c);

    private static Task WriteRow(ProjectionBatch b, CompetitionState c, Provenance provenance, long? validTo) =>
        b.Statements.ExecuteAsync(
            InsertCompetition,
            Row(new
            {
                c.CompetitionId, c.Name, c.ProvinceCode, c.ProvinceOn, c.Year, c.Organizer, c.Status, c.Received, c.ReceivedQualifier, c.Valid, c.ValidQualifier,
                c.LaunchedEventId, c.LaunchedRevisedBy, c.LaunchedOn, c.LaunchedSource,
                c.ApplicationsEventId, c.ApplicationsRevisedBy, c.ApplicationsOn, c.ApplicationsSource,
                NameNorm = TextNormalizer.Normalize(c.Name),
            }, provenance, validTo));
}
