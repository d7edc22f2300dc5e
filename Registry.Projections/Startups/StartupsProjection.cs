using Registry.Contracts.Startups;
using Registry.Projections.Common;
using Registry.Projections.Runtime;

namespace Registry.Projections.Startups;

/// <summary>
/// The startup directory. <c>startups</c>: one version per change of a startup, with a normalized search column
/// (no diacritics, lower case). <c>startup_sectors</c>: one row per startup version and sector, for the dashboard's
/// counts by sector without splitting strings in SQL. <c>fundings</c> and <c>supports</c>: one row per investment and
/// per support granted, in the province the startup was in at the time. On SQLite, the words of the search text are
/// indexed too (see <see cref="StartupWords"/>).
/// </summary>
public sealed class StartupsProjection : ReadModelProjection
{
    public override string Name => "startups";

    // 2: the search and dashboard indexes (a deployed generation is rebuilt with them beside the one that serves).
    // 3: PostgreSQL's search head in the name index, the province and name index, covering fundings and supports indexes.
    // 4: SQLite's word index of the search text. 5: each version keeps the registration behind it.
    public override int Version => 5;
    public override IReadOnlyList<string> Tables { get; } = ["startups", "startup_sectors", "fundings", "supports", StartupWords.Table, StartupWords.Vocabulary];
    public override IReadOnlySet<string> WorkingTables { get; } = new HashSet<string> { StartupWords.Table, StartupWords.Vocabulary };

    protected override IReadOnlySet<string> EventTypes { get; } = new HashSet<string>
    {
        nameof(StartupRegistered), nameof(StartupProfileUpdated), nameof(StartupRelocated), nameof(StartupIncorporated), nameof(StartupClosed),
        nameof(FundingRecorded), nameof(SupportGranted),
    };

    private const string Columns =
        "startup_id, name, name_norm, search_norm, province_code, province_on, sectors, sectors_norm, stage, founded_on, founders_count, " +
        "description, website, company_name, enterprise_code, status, registered_on, registered_year, " +
        "registered_event_id, registered_revised_by, registered_source";

    /// <summary>
    /// PostgreSQL only: the search text when it fits in an index entry (B-tree entries are limited to about 2.7 kB), NULL
    /// for the rare longer one. The name index holds it, so a common word's search walks the name order without reading
    /// the table; SQLite's index holds the whole text.
    /// </summary>
    private const string SearchHead =
        ", search_head TEXT GENERATED ALWAYS AS (CASE WHEN octet_length(search_norm) <= 2000 THEN search_norm END) STORED";

    private static readonly CurrentVersions<StartupState> Versions = new("startup_id", Columns, "startups", ["startups", "startup_sectors"], WriteRows);

    private static readonly GenerationSql InsertFunding = new(t =>
        $"""
        INSERT INTO {t("fundings")} (funding_id, startup_id, investor_id, investor_name, amount_vnd, round, province_code, province_on, year,
            {Temporal.InsertColumns})
        VALUES (@FundingId, @StartupId, @InvestorId, @InvestorName, @AmountVnd, @Round, @ProvinceCode, @ProvinceOn, @Year, {Temporal.InsertValues})
        """);

    private static readonly GenerationSql InsertSupport = new(t =>
        $"""
        INSERT INTO {t("supports")} (support_id, startup_id, programme, kind, amount_vnd, granted_by, province_code, province_on, year,
            {Temporal.InsertColumns})
        VALUES (@SupportId, @StartupId, @Programme, @Kind, @AmountVnd, @GrantedBy, @ProvinceCode, @ProvinceOn, @Year, {Temporal.InsertValues})
        """);

    private static readonly GenerationSql InsertStartup = new(t =>
        $"""
        INSERT INTO {t("startups")} ({Columns}, {Temporal.InsertColumns})
        VALUES (@StartupId, @Name, @NameNorm, @SearchNorm, @ProvinceCode, @ProvinceOn, @Sectors, @SectorsNorm, @Stage, @FoundedOn, @FoundersCount,
                @Description, @Website, @CompanyName, @EnterpriseCode, @Status, @RegisteredOn, @RegisteredYear,
                @RegisteredEventId, @RegisteredRevisedBy, @RegisteredSource, {Temporal.InsertValues})
        """);

    private static readonly GenerationSql InsertSector = new(t =>
        $"""
        INSERT INTO {t("startup_sectors")} (startup_id, sector, sector_norm, province_code, province_on, stage, status, registered_year, {Temporal.InsertColumns})
        VALUES (@StartupId, @Sector, @SectorNorm, @ProvinceCode, @ProvinceOn, @Stage, @Status, @RegisteredYear, {Temporal.InsertValues})
        """);

    public override IReadOnlyList<string> Schema(SqlDialect dialect, Func<string, string> table) =>
    [
        $"""
        CREATE TABLE {table("startups")} (
            startup_id TEXT NOT NULL, name TEXT NOT NULL, name_norm TEXT NOT NULL, search_norm TEXT NOT NULL,
            province_code TEXT NOT NULL, province_on TEXT NOT NULL, sectors TEXT NOT NULL, sectors_norm TEXT NOT NULL, stage TEXT NOT NULL,
            founded_on TEXT, founders_count BIGINT NOT NULL, description TEXT, website TEXT, company_name TEXT, enterprise_code TEXT,
            status TEXT NOT NULL, registered_on TEXT NOT NULL, registered_year BIGINT NOT NULL,
            registered_event_id TEXT, registered_revised_by TEXT, registered_source TEXT, {Temporal.Columns}{(dialect == SqlDialect.Postgres ? SearchHead : "")})
        """,
        $"CREATE INDEX ix_{table("startups")}_current ON {table("startups")} (startup_id) WHERE valid_to IS NULL",
        Temporal.StreamIndex(table("startups")),
        $"""
        CREATE TABLE {table("startup_sectors")} (
            startup_id TEXT NOT NULL, sector TEXT NOT NULL, sector_norm TEXT NOT NULL, province_code TEXT NOT NULL, province_on TEXT NOT NULL,
            stage TEXT NOT NULL, status TEXT NOT NULL, registered_year BIGINT NOT NULL, {Temporal.Columns})
        """,
        $"CREATE INDEX ix_{table("startup_sectors")}_current ON {table("startup_sectors")} (startup_id) WHERE valid_to IS NULL",
        Temporal.StreamIndex(table("startup_sectors")),
        $"""
        CREATE TABLE {table("fundings")} (
            funding_id TEXT NOT NULL, startup_id TEXT NOT NULL, investor_id TEXT, investor_name TEXT NOT NULL, amount_vnd DOUBLE PRECISION NOT NULL,
            round TEXT NOT NULL, province_code TEXT NOT NULL, province_on TEXT NOT NULL, year BIGINT NOT NULL, {Temporal.Columns})
        """,
        Temporal.StreamIndex(table("fundings")),
        $"""
        CREATE TABLE {table("supports")} (
            support_id TEXT NOT NULL, startup_id TEXT NOT NULL, programme TEXT NOT NULL, kind TEXT NOT NULL, amount_vnd DOUBLE PRECISION,
            granted_by TEXT, province_code TEXT NOT NULL, province_on TEXT NOT NULL, year BIGINT NOT NULL, {Temporal.Columns})
        """,
        Temporal.StreamIndex(table("supports")),
        $"CREATE TABLE {table(StartupWords.Table)} (word TEXT NOT NULL, startup_id TEXT NOT NULL)",
        $"CREATE TABLE {table(StartupWords.Vocabulary)} (word TEXT NOT NULL PRIMARY KEY){(dialect == SqlDialect.Sqlite ? " WITHOUT ROWID" : "")}",
    ];

    public override IReadOnlyList<string> QueryIndexes(SqlDialect dialect, Func<string, string> table) =>
    [
        $"CREATE INDEX ix_{table("startups")}_id ON {table("startups")} (startup_id, valid_from)",
        // Province filters seek (code, year); the rest of each index is what a dashboard's counts read, so they never
        // touch the table.
        CoveringIndex.Create(dialect, $"ix_{table("startups")}_province ON {table("startups")}", "province_code, registered_year",
            "province_on, valid_from, valid_to, stage, registered_on"),
        // The directory's default order, with what its search filters on (province-name matches too): a common word's
        // first page walks it without reading the table. PostgreSQL limits a B-tree entry's size, so it holds the search
        // head, and the few longer texts have their own partial index; trigram indexes (pg_trgm ships with PostgreSQL;
        // created here because offline rebuilds run no migrations) find a rare word without a scan.
        dialect == SqlDialect.Postgres
            ? $"CREATE INDEX ix_{table("startups")}_name ON {table("startups")} (name_norm, startup_id) INCLUDE (valid_from, valid_to, province_code, province_on, search_head)"
            : $"CREATE INDEX ix_{table("startups")}_name ON {table("startups")} (name_norm, startup_id, valid_from, valid_to, province_code, province_on, search_norm)",
        // A province name's matches (a search for "lang son") in name order, read from the index alone.
        CoveringIndex.Create(dialect, $"ix_{table("startups")}_province_name ON {table("startups")}", "province_code, name_norm, startup_id", "province_on, valid_from, valid_to"),
        .. dialect == SqlDialect.Postgres
            ?
            [
                "CREATE EXTENSION IF NOT EXISTS pg_trgm",
                $"CREATE INDEX ix_{table("startups")}_search ON {table("startups")} USING gin (search_head gin_trgm_ops)",
                $"CREATE INDEX ix_{table("startups")}_long ON {table("startups")} (name_norm, startup_id) WHERE search_head IS NULL",
            ]
            : Array.Empty<string>(),
        .. dialect == SqlDialect.Sqlite ? [$"CREATE INDEX ix_{table(StartupWords.Table)}_word ON {table(StartupWords.Table)} (word, startup_id)"] : Array.Empty<string>(),
        CoveringIndex.Create(dialect, $"ix_{table("startup_sectors")}_province ON {table("startup_sectors")}", "province_code, registered_year",
            "province_on, valid_from, valid_to, sector"),
        CoveringIndex.Create(dialect, $"ix_{table("fundings")}_province ON {table("fundings")}", "province_code, year", "province_on, valid_from, valid_to, startup_id, amount_vnd"),
        CoveringIndex.Create(dialect, $"ix_{table("supports")}_province ON {table("supports")}", "province_code, year", "province_on, valid_from, valid_to, startup_id"),
    ];

    protected override async Task ApplyAsync(Fact fact, ProjectionBatch b)
    {
        switch (fact.Data)
        {
            case StartupRegistered e:
                await Open(b, fact, null, new StartupState
                {
                    StartupId = e.StartupId, Name = e.Name, ProvinceCode = e.ProvinceCode, ProvinceOn = fact.Provenance.OccurredOn,
                    Sectors = string.Join('|', e.Sectors), Stage = e.Stage.ToString(), FoundedOn = e.FoundedOn is { } f ? IsoDate.Format(f) : null,
                    FoundersCount = e.Founders.Count, Description = e.Description, Website = e.Website,
                    RegisteredOn = fact.Provenance.OccurredOn, RegisteredYear = e.OccurredOn.Year,
                    RegisteredEventId = fact.Provenance.EventId, RegisteredRevisedBy = fact.Provenance.RevisedBy, RegisteredSource = fact.Provenance.Source,
                });
                break;
            case StartupProfileUpdated e:
                await Change(b, fact, e.StartupId, s => s with
                {
                    Name = e.Name ?? s.Name, Sectors = e.Sectors is null ? s.Sectors : string.Join('|', e.Sectors), Stage = e.Stage?.ToString() ?? s.Stage,
                    FoundersCount = e.Founders?.Count ?? s.FoundersCount, Description = e.Description ?? s.Description, Website = e.Website ?? s.Website,
                });
                break;
            case StartupRelocated e:
                await Change(b, fact, e.StartupId, s => s with { ProvinceCode = e.ToProvinceCode, ProvinceOn = fact.Provenance.OccurredOn });
                break;
            case StartupIncorporated e:
                await Change(b, fact, e.StartupId, s => s with
                {
                    CompanyName = e.CompanyName, EnterpriseCode = e.EnterpriseCode, Stage = nameof(StartupStage.Company),
                });
                break;
            case StartupClosed e:
                await Change(b, fact, e.StartupId, s => s with { Status = "closed" });
                break;
            case FundingRecorded e:
                var funded = await Versions.GetAsync(b, e.StartupId);
                await b.Statements.ExecuteAsync(
                    InsertFunding,
                    Row(new
                    {
                        e.FundingId, e.StartupId, e.InvestorId, e.InvestorName, AmountVnd = (double)e.AmountVnd, e.Round,
                        ProvinceCode = funded?.ProvinceCode ?? "", ProvinceOn = funded?.ProvinceOn ?? fact.Provenance.OccurredOn, Year = e.OccurredOn.Year,
                    }, fact));
                break;
            case SupportGranted e:
                var supported = await Versions.GetAsync(b, e.StartupId);
                await b.Statements.ExecuteAsync(
                    InsertSupport,
                    Row(new
                    {
                        e.SupportId, e.StartupId, e.Programme, e.Kind, AmountVnd = (double?)e.AmountVnd, e.GrantedBy,
                        ProvinceCode = supported?.ProvinceCode ?? "", ProvinceOn = supported?.ProvinceOn ?? fact.Provenance.OccurredOn, Year = e.OccurredOn.Year,
                    }, fact));
                break;
        }
    }

    /// <summary>Closes the startup's current version and opens the changed one; unknown startups are ignored.</summary>
    private static async Task Change(ProjectionBatch b, Fact fact, string startupId, Func<StartupState, StartupState> change)
    {
        if (await Versions.CloseAsync(b, fact, startupId) is { } current) await Open(b, fact, current, change(current));
    }

    private static async Task Open(ProjectionBatch b, Fact fact, StartupState? previous, StartupState s)
    {
        await Versions.OpenAsync(b, fact, s.StartupId, s);
        await StartupWords.AddAsync(b, s.StartupId, SearchText(s), previous is null ? null : SearchText(previous));
    }

    /// <summary>What a search matches: the name, company, sectors and description, normalized.</summary>
    private static string SearchText(StartupState s) =>
        TextNormalizer.Normalize(string.Join(' ', [s.Name, s.CompanyName, .. s.Sectors.Split('|', StringSplitOptions.RemoveEmptyEntries), s.Description]));

    /// <summary>A version's rows: the startup, and one per sector.</summary>
    private static async Task WriteRows(ProjectionBatch b, StartupState s, Provenance provenance, long? validTo)
    {
        var sectors = s.Sectors.Split('|', StringSplitOptions.RemoveEmptyEntries);
        await b.Statements.ExecuteAsync(
            InsertStartup,
            Row(new
            {
                s.StartupId, s.Name, NameNorm = TextNormalizer.Normalize(s.Name), SearchNorm = SearchText(s), s.ProvinceCode, s.ProvinceOn, s.Sectors,
                SectorsNorm = "|" + string.Join('|', sectors.Select(TextNormalizer.Normalize)) + "|", s.Stage, s.FoundedOn, s.FoundersCount,
                s.Description, s.Website, s.CompanyName, s.EnterpriseCode, s.Status, s.RegisteredOn, s.RegisteredYear,
                s.RegisteredEventId, s.RegisteredRevisedBy, s.RegisteredSource,
            }, provenance, validTo));
        foreach (var sector in sectors)
            await b.Statements.ExecuteAsync(
                InsertSector,
                Row(new { s.StartupId, Sector = sector, SectorNorm = TextNormalizer.Normalize(sector), s.ProvinceCode, s.ProvinceOn, s.Stage, s.Status, s.RegisteredYear }, provenance, validTo));
    }
}
