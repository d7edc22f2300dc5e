using Registry.Contracts.Organizations;
using Registry.Projections.Common;
using Registry.Projections.Runtime;

namespace Registry.Projections.Organizations;

/// <summary><c>organizations</c>: incubators, co-working spaces, centres, funds, agencies; renamed and closed over time.</summary>
public sealed class SupportOrganizationsProjection : ReadModelProjection
{
    public override string Name => "organizations";

    // 2: the province index covers what the dashboard's figures read.
    // 3: each version keeps the registration behind it.
    public override int Version => 3;
    public override IReadOnlyList<string> Tables { get; } = ["organizations"];

    protected override IReadOnlySet<string> EventTypes { get; } =
        new HashSet<string> { nameof(SupportOrganizationRegistered), nameof(OrganizationRenamed), nameof(OrganizationClosed) };

    private const string Columns = "organization_id, name, kind, province_code, province_on, website, status, registered_on, " +
                                   "registered_event_id, registered_revised_by, registered_source";

    private static readonly CurrentVersions<OrganizationState> Versions = new("organization_id", Columns, "organizations", ["organizations"], WriteRow);

    private static readonly GenerationSql InsertOrganization = new(t =>
        $"""
        INSERT INTO {t("organizations")} ({Columns}, name_norm, registered_year, {Temporal.InsertColumns})
        VALUES (@OrganizationId, @Name, @Kind, @ProvinceCode, @ProvinceOn, @Website, @Status, @RegisteredOn,
                @RegisteredEventId, @RegisteredRevisedBy, @RegisteredSource, @NameNorm, @RegisteredYear, {Temporal.InsertValues})
        """);

    public override IReadOnlyList<string> Schema(SqlDialect dialect, Func<string, string> table) =>
    [
        $"""
        CREATE TABLE {table("organizations")} (
            organization_id TEXT NOT NULL, name TEXT NOT NULL, name_norm TEXT NOT NULL, kind TEXT NOT NULL, province_code TEXT, province_on TEXT NOT NULL,
            website TEXT, status TEXT NOT NULL, registered_on TEXT NOT NULL, registered_year BIGINT NOT NULL,
            registered_event_id TEXT, registered_revised_by TEXT, registered_source TEXT, {Temporal.Columns})
        """,
        $"CREATE INDEX ix_{table("organizations")}_current ON {table("organizations")} (organization_id) WHERE valid_to IS NULL",
        Temporal.StreamIndex(table("organizations")),
    ];

    public override IReadOnlyList<string> QueryIndexes(SqlDialect dialect, Func<string, string> table) =>
    [
        CoveringIndex.Create(dialect, $"ix_{table("organizations")}_province ON {table("organizations")}", "province_code, registered_year", "province_on, valid_from, valid_to"),
    ];

    protected override async Task ApplyAsync(Fact fact, ProjectionBatch b)
    {
        switch (fact.Data)
        {
            case SupportOrganizationRegistered e:
                await Open(b, fact, new OrganizationState
                {
                    OrganizationId = e.OrganizationId, Name = e.Name, Kind = e.Kind.ToString(), ProvinceCode = e.ProvinceCode,
                    ProvinceOn = fact.Provenance.OccurredOn, Website = e.Website, RegisteredOn = fact.Provenance.OccurredOn,
                    RegisteredEventId = fact.Provenance.EventId, RegisteredRevisedBy = fact.Provenance.RevisedBy, RegisteredSource = fact.Provenance.Source,
                });
                break;
            case OrganizationRenamed e:
                await Change(b, fact, e.OrganizationId, o => o with { Name = e.NewName });
                break;
            case OrganizationClosed e:
                await Change(b, fact, e.OrganizationId, o => o with { Status = "closed" });
                break;
        }
    }

    private static async Task Change(ProjectionBatch b, Fact fact, string organizationId, Func<OrganizationState, OrganizationState> change)
    {
        if (await Versions.CloseAsync(b, fact, organizationId) is { } current) await Open(b, fact, change(current));
    }

    private static Task Open(ProjectionBatch b, Fact fact, OrganizationState o) => Versions.OpenAsync(b, fact, o.OrganizationId, o);

    private static Task WriteRow(ProjectionBatch b, OrganizationState o, Provenance provenance, long? validTo) =>
        b.Statements.ExecuteAsync(
            InsertOrganization,
            Row(new { o.OrganizationId, o.Name, o.Kind, o.ProvinceCode, o.ProvinceOn, o.Website, o.Status, o.RegisteredOn,
                o.RegisteredEventId, o.RegisteredRevisedBy, o.RegisteredSource, NameNorm = TextNormalizer.Normalize(o.Name),
                RegisteredYear = int.Parse(o.RegisteredOn[..4], System.Globalization.CultureInfo.InvariantCulture) }, provenance, validTo));
}
