using Dapper;
using Registry.Contracts.Search;
using Registry.Projections.Common;
using Registry.Projections.Runtime;
using Registry.Read.Startups;
using Registry.Read.Time;

namespace Registry.Read.Search;

/// <summary><c>GET /api/search?q=&amp;asOf=</c>: everything whose name matches, ignoring diacritics and case, a few of each kind.</summary>
public static class SearchAll
{
    public const int PerKind = 10;

    // Ordered by the normalized name, as the directory is: on the largest table (startups) the name index then
    // yields the first hits in order and the query stops there, instead of sorting every match. Startups are matched
    // as the directory matches them (see StartupMatches).
    private static readonly (string Kind, string Table, string Id, string Title, string Norm, string Province, string Order)[] Kinds =
    [
        ("province", "provinces", "code", "name", "name_norm", "code", "name_norm"),
        ("startup", "startups", "startup_id", "name", "search_norm", "province_code", "name_norm, startup_id"),
        ("organization", "organizations", "organization_id", "name", "name_norm", "province_code", "name_norm"),
        ("investor", "investors", "investor_id", "name", "name_norm", "province_code", "name_norm"),
        ("mentor", "mentors", "mentor_id", "name", "name_norm", "province_code", "name_norm"),
        ("competition", "competitions", "competition_id", "name", "name_norm", "province_code", "name_norm"),
        ("training", "trainings", "training_id", "title", "title_norm", "province_code", "title_norm"),
        ("ecosystemEvent", "ecosystem_events", "ecosystem_event_id", "title", "title_norm", "host_province_code", "title_norm"),
        ("plan", "plans", "number", "title", "title_norm", "province_code", "title_norm"),
        ("resolution", "resolutions", "number", "title", "title_norm", "province_code", "title_norm"),
    ];

    public static async Task<SearchResults> RunAsync(ReadDatabase db, string? q, string? asOf, CancellationToken ct)
    {
        var norm = TextNormalizer.Normalize(q);
        if (norm.Length < 2) throw new QueryParameterException("q", "give at least two letters or digits to search for");
        await using var connection = await db.OpenAsync(ct);
        var at = await AsOfResolver.ResolveAsync(connection, asOf, ct);
        var candidates = db.Dialect == SqlDialect.Sqlite ? await WordCandidates.FindAsync(connection, norm, ct) : null;
        var sql = string.Join(" UNION ALL ", Kinds.Select(k => k.Table == "startups"
            ? $"SELECT * FROM (SELECT kind, id, title, province_code FROM ({StartupMatches.Rows(
                    StartupMatches.OrderedKeys(StartupMatches.Branches(db.Dialect, Temporal.VisibleAt(), StartupMatches.Pattern(norm), [], candidates is not null), k.Order, $"{PerKind}"),
                    k.Order, $"'{k.Kind}' AS kind, s.{k.Id} AS id, s.{k.Title} AS title, s.{k.Province} AS province_code")}) h " +
              $"ORDER BY {StartupMatches.OuterOrder(k.Order, "h")}) {k.Table}_hits"
            : $"SELECT * FROM (SELECT '{k.Kind}' AS kind, {k.Id} AS id, {k.Title} AS title, {k.Province} AS province_code FROM {k.Table} " +
              $"WHERE {Temporal.VisibleAt()} AND {k.Norm} LIKE @q ORDER BY {k.Order} LIMIT {PerKind}) {k.Table}_hits"));
        var hits = await connection.QueryAsync<Row>(new CommandDefinition(sql,
            new { asOf = at.Position, q = "%" + norm + "%", candidates }, cancellationToken: ct));
        return new SearchResults(q!, at.Position, hits.Select(h => new SearchHit(h.Kind, h.Id, h.Title, h.ProvinceCode)).ToList());
    }

    private sealed record Row
    {
        public string Kind { get; init; } = "";
        public string Id { get; init; } = "";
        public string Title { get; init; } = "";
        public string? ProvinceCode { get; init; }
    }
}
