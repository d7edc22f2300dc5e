using System.Globalization;
using Dapper;
using Registry.Contracts.Common;
using Registry.Contracts.Startups;
using Registry.Projections.Common;
using Registry.Projections.Runtime;
using Registry.Read.Provinces;
using Registry.Read.Time;

namespace Registry.Read.Startups;

/// <summary>
/// <c>GET /api/startups?q=&amp;province=&amp;sector=&amp;stage=&amp;page=&amp;pageSize=&amp;sort=&amp;map=&amp;asOf=&amp;validOn=</c>: the directory.
/// <c>q</c> ignores diacritics and case, and matches a startup's name, company, sectors and description, or the name
/// of its province ("lang son" finds Lạng Sơn's startups). The total is exact up to <see cref="CountCap"/> matches (or
/// up to the requested page, if further): beyond that it is a lower bound, flagged by <c>totalExact</c> false.
/// </summary>
public static class SearchStartups
{
    public const int MaxPageSize = 100;

    /// <summary>
    /// Matches counted at most (beyond the requested page): a common word matches tens of thousands of startup
    /// versions, and counting them all took longer than finding the page.
    /// </summary>
    public const int CountCap = 1000;

    private static readonly Dictionary<string, string> Sorts = new()
    {
        ["name"] = "name_norm, startup_id", ["-name"] = "name_norm DESC, startup_id",
        ["registered"] = "registered_on, startup_id", ["-registered"] = "registered_on DESC, startup_id",
        ["province"] = "province_code, name_norm, startup_id",
    };

    public static async Task<PagedResult<StartupSummary>> RunAsync(ReadDatabase db, StartupQuery query, CancellationToken ct)
    {
        var map = MapKinds.Parse(query.Map);
        var page = Number(query.Page, "page", 1, 1, int.MaxValue);
        var pageSize = Number(query.PageSize, "pageSize", 20, 1, MaxPageSize);
        var sort = string.IsNullOrWhiteSpace(query.Sort) ? "name" : query.Sort.Trim();
        if (!Sorts.TryGetValue(sort, out var orderBy))
            throw new QueryParameterException("sort", $"'{sort}' is not a sort order: use one of {string.Join(", ", Sorts.Keys)}");
        var stage = string.IsNullOrWhiteSpace(query.Stage) ? null
            : Enum.TryParse<StartupStage>(query.Stage.Trim(), ignoreCase: true, out var s) && !int.TryParse(query.Stage, out _) ? s.ToString()
            : throw new QueryParameterException("stage", $"'{query.Stage}' is not a stage: use one of {string.Join(", ", Enum.GetNames<StartupStage>().Select(n => n.ToLowerInvariant()))}");

        await using var connection = await db.OpenAsync(ct);
        var at = await AsOfResolver.ResolveAsync(connection, query.AsOf, ct);
        var provinces = await ProvinceMap.LoadAsync(connection, at.Position, ct);
        var p = new DynamicParameters(new { asOf = at.Position });
        var where = new List<string> { Temporal.VisibleAt() };
        if (!string.IsNullOrWhiteSpace(query.Province))
        {
            var code = query.Province.Trim();
            if (provinces.Unit(map, code) is null)
                throw new QueryParameterException("province", $"'{code}' is not a province code on the {map.Name()} map");
            where.Add(provinces.Filter(map, code, "province_code", "province_on", p));
        }
        if (!string.IsNullOrWhiteSpace(query.Sector))
        {
            p.Add("sector", "%|" + TextNormalizer.Normalize(query.Sector) + "|%");
            where.Add("sectors_norm LIKE @sector");
        }
        if (ValidTime.Parse(query.ValidOn) is { } validOn)
        {
            // Valid time: the startups registered by that date (as known as of asOf), on the version the log knows.
            p.Add("validOn", validOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            where.Add("registered_on <= @validOn");
        }
        if (stage is not null)
        {
            p.Add("stage", stage);
            where.Add("stage = @stage");
        }
        string? pattern = null;
        string? candidates = null;
        var matches = new List<string>();
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = TextNormalizer.Normalize(query.Q);
            pattern = StartupMatches.Pattern(q);
            if (db.Dialect == SqlDialect.Sqlite && q.Length > 0 && await WordCandidates.FindAsync(connection, q, ct) is { } found)
                p.Add("candidates", candidates = found);
            // Units whose name matches, each for the dates its code meant that unit.
            bool Named(ProvinceMap.UnitRow u) => TextNormalizer.Normalize(u.Name).Contains(q, StringComparison.Ordinal);
            var units = provinces.Units(MapKind.Pre2025).Concat(provinces.Units(MapKind.Map2025)).Distinct().Where(Named).ToList();
            for (var i = 0; i < units.Count; i++)
            {
                p.Add($"uc{i}", units[i].Code);
                p.Add($"uf{i}", units[i].ExistsFrom);
                p.Add($"ut{i}", units[i].ExistsTo ?? "9999-12-31");
                matches.Add($"(province_code = @uc{i} AND province_on >= @uf{i} AND province_on < @ut{i})");
            }
            // On the 2025 map a unit's name also finds what the units merged into it recorded before the reform, as
            // province= does (the answer names them by the 2025 unit).
            if (map == MapKind.Map2025 && provinces.EffectiveOn is { } reform)
            {
                var merged = provinces.Units(MapKind.Map2025).Where(Named).SelectMany(u => provinces.FormerUnits(u.Code)).Select(l => l.OldCode).Distinct().ToList();
                if (merged.Count > 0) p.Add("reformOn", reform);
                for (var i = 0; i < merged.Count; i++)
                {
                    p.Add($"mc{i}", merged[i]);
                    matches.Add($"(province_code = @mc{i} AND province_on < @reformOn)");
                }
            }
        }
        var branches = StartupMatches.Branches(db.Dialect, string.Join(" AND ", where), pattern, matches, candidates is not null);
        var offset = (long)(page - 1) * pageSize;
        var counted = Math.Max(CountCap, offset + pageSize);
        p.Add("countLimit", counted + 1);
        p.Add("limit", pageSize);
        p.Add("offset", offset);
        // One statement: the keys of the matches in order up to the cap, read once for the count and for the page.
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            WITH matched AS MATERIALIZED ({StartupMatches.OrderedKeys(branches, orderBy, "@countLimit")}),
            paged AS (SELECT * FROM matched ORDER BY {orderBy} LIMIT @limit OFFSET @offset)
            SELECT t.total, p.* FROM (SELECT count(*) AS total FROM matched) t
            LEFT JOIN ({StartupMatches.Rows("SELECT * FROM paged", orderBy,
                "s.startup_id, s.name, s.province_code, s.province_on, s.sectors, s.stage, s.status, s.registered_on, s.company_name, s.website, s.source, s.event_id")}) p ON 1 = 1
            ORDER BY {StartupMatches.OuterOrder(orderBy, "p")}
            """, p, cancellationToken: ct))).ToList();
        var total = rows[0].Total;
        // A page past the last match is the count's row alone.
        var items = rows.Where(r => r.StartupId is not null).Select(r =>
        {
            var unit = provinces.UnitOf(map, r.ProvinceCode, r.ProvinceOn);
            return new StartupSummary(r.StartupId!, r.Name, unit, provinces.NameOf(map, unit), r.Sectors.Split('|', StringSplitOptions.RemoveEmptyEntries),
                r.Stage, r.Status, DateOnly.Parse(r.RegisteredOn, CultureInfo.InvariantCulture), r.CompanyName, r.Website, r.Source, Guid.Parse(r.EventId));
        }).ToList();
        return new PagedResult<StartupSummary>(items, page, pageSize, total, at.Position, TotalExact: total <= counted);
    }

    internal static int Number(string? value, string parameter, int fallback, int min, int max) =>
        string.IsNullOrWhiteSpace(value) ? fallback
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n
        : throw new QueryParameterException(parameter, $"'{value}' is not a whole number from {min} to {max}");

    private sealed record Row
    {
        public long Total { get; init; }
        /// <summary>Null on the count's row alone (Dapper leaves a NULL column's property as it was initialized).</summary>
        public string? StartupId { get; init; }
        public string Name { get; init; } = "";
        public string ProvinceCode { get; init; } = "";
        public string ProvinceOn { get; init; } = "";
        public string Sectors { get; init; } = "";
        public string Stage { get; init; } = "";
        public string Status { get; init; } = "";
        public string RegisteredOn { get; init; } = "";
        public string? CompanyName { get; init; }
        public string? Website { get; init; }
        public string Source { get; init; } = "";
        public string EventId { get; init; } = "";
    }
}
