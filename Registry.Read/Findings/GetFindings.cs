using Dapper;
using Registry.Contracts.Findings;
using Registry.Projections.Common;
using Registry.Read.Metrics;
using Registry.Read.Provinces;
using Registry.Read.Time;

namespace Registry.Read.Findings;

/// <summary>
/// <c>GET /api/findings?province=&amp;map=&amp;asOf=</c>: data-quality findings, computed from the read models as of a
/// position (so a later correction makes a finding disappear from today's answer, not from history).
/// <list type="bullet">
/// <item>A reported figure is compared with its metric summed over the itemized facts of its province (read on the
/// map of the figure's date) and period. Exact: they differ. At least ("hơn"): fewer itemized. At most ("gần"): more
/// itemized. About ("khoảng"): more than 10 % apart.</item>
/// <item>Startups whose normalized names are equal in the same unit of the 2025 map (the same or merged provinces).</item>
/// <item>Ecosystem events of the same kind, theme and region held within 14 days of each other.</item>
/// </list>
/// </summary>
public static class GetFindings
{
    public const int DuplicateEventWindowDays = 14;

    public static async Task<FindingList> RunAsync(ReadDatabase db, string? province, string? map, string? asOf, CancellationToken ct)
    {
        var kind = MapKinds.Parse(map);
        await using var connection = await db.OpenAsync(ct);
        var at = await AsOfResolver.ResolveAsync(connection, asOf, ct);
        var provinces = await ProvinceMap.LoadAsync(connection, at.Position, ct);
        var code = string.IsNullOrWhiteSpace(province) ? null : province.Trim();
        if (code is not null && provinces.Unit(kind, code) is null)
            throw new QueryParameterException("province", $"'{code}' is not a province code on the {kind.Name()} map");
        var findings = new List<Finding>();

        var figures = await connection.QueryAsync<FigureRow>(new CommandDefinition(
            $"""
            SELECT figure_id, metric, province_code, province_on, period_from, period_to, value, qualifier, statement, event_id FROM reported_figures
            WHERE {Temporal.VisibleAt()} AND province_code IS NOT NULL ORDER BY figure_id
            """, new { asOf = at.Position }, cancellationToken: ct));
        foreach (var f in figures)
        {
            if (MetricSources.Find(f.Metric) is not { } source) continue;
            var unitOnMap = provinces.UnitOf(kind, f.ProvinceCode, f.ProvinceOn);
            if (code is not null && unitOnMap != code) continue;
            var ownMap = provinces.EffectiveOn is not null && string.CompareOrdinal(f.ProvinceOn, provinces.EffectiveOn) < 0 ? MapKind.Pre2025 : MapKind.Map2025;
            var itemized = (await MetricValues.ComputeAsync(connection, provinces, ownMap, f.ProvinceCode, [source], (int)f.PeriodFrom, (int)f.PeriodTo,
                at.Position, ct)).GetValueOrDefault(f.Metric);
            var reported = (decimal)f.Value;
            if (!Disagrees(f.Qualifier, reported, itemized)) continue;
            findings.Add(new Finding(FindingKind.ReportedDiffersFromItemized, unitOnMap,
                $"{provinces.NameOf(ownMap, f.ProvinceCode)}: {f.Metric} {f.PeriodFrom}–{f.PeriodTo} reported {reported:0.##} ({f.Qualifier}), itemized facts sum to {itemized:0.##}: \"{f.Statement}\"",
                [f.FigureId], reported, itemized, [Guid.Parse(f.EventId)]));
        }

        var named = await connection.QueryAsync<StartupRow>(new CommandDefinition(
            $"""
            SELECT startup_id, name, name_norm, province_code, province_on, event_id FROM startups
            WHERE {Temporal.VisibleAt()} AND name_norm IN (SELECT name_norm FROM startups WHERE {Temporal.VisibleAt()} GROUP BY name_norm HAVING count(*) > 1)
            ORDER BY name_norm, startup_id
            """, new { asOf = at.Position }, cancellationToken: ct));
        foreach (var group in named.GroupBy(s => (s.NameNorm, Unit: provinces.UnitOf(MapKind.Map2025, s.ProvinceCode, s.ProvinceOn))).Where(g => g.Count() > 1))
        {
            var unitOnMap = provinces.UnitOf(kind, group.First().ProvinceCode, group.First().ProvinceOn);
            if (code is not null && group.All(s => provinces.UnitOf(kind, s.ProvinceCode, s.ProvinceOn) != code)) continue;
            findings.Add(new Finding(FindingKind.ProbableDuplicateStartup, unitOnMap,
                $"{group.Count()} startups named \"{group.First().Name}\" in {provinces.NameOf(MapKind.Map2025, group.Key.Unit)} (2025 map): "
                + string.Join(", ", group.Select(s => $"{s.StartupId} ({provinces.NameOf(MapKind.Pre2025, s.ProvinceCode)})")),
                group.Select(s => s.StartupId).ToList(), null, null, group.Select(s => Guid.Parse(s.EventId)).ToList()));
        }

        var pairs = await connection.QueryAsync<EventPair>(new CommandDefinition(
            $"""
            SELECT a.ecosystem_event_id AS first_id, b.ecosystem_event_id AS second_id, a.title AS first_title, b.title AS second_title,
                   a.kind, a.theme, a.region, a.held_on AS first_held_on, b.held_on AS second_held_on, a.host_province_code AS province_code,
                   a.province_on, a.event_id AS first_event_id, b.event_id AS second_event_id
            FROM ecosystem_events a JOIN ecosystem_events b
              ON b.kind = a.kind AND b.theme_norm = a.theme_norm AND b.region_norm = a.region_norm
             AND b.held_day BETWEEN a.held_day AND a.held_day + {DuplicateEventWindowDays}
             AND (b.held_day > a.held_day OR b.ecosystem_event_id > a.ecosystem_event_id)
            WHERE {Temporal.VisibleAt("a")} AND {Temporal.VisibleAt("b")}
            ORDER BY a.held_on, a.ecosystem_event_id, b.ecosystem_event_id
            """, new { asOf = at.Position }, cancellationToken: ct));
        foreach (var e in pairs)
        {
            var unitOnMap = provinces.UnitOf(kind, e.ProvinceCode, e.ProvinceOn);
            if (code is not null && unitOnMap != code) continue;
            findings.Add(new Finding(FindingKind.ProbableDuplicateEvent, unitOnMap,
                $"{e.Kind} on \"{e.Theme}\" in {e.Region} twice within {DuplicateEventWindowDays} days: \"{e.FirstTitle}\" ({e.FirstHeldOn}) and \"{e.SecondTitle}\" ({e.SecondHeldOn})",
                [e.FirstId, e.SecondId], null, null, [Guid.Parse(e.FirstEventId), Guid.Parse(e.SecondEventId)]));
        }
        return new FindingList(kind.Name(), at.Position, findings);
    }

    public static bool Disagrees(string qualifier, decimal reported, decimal itemized) => qualifier switch
    {
        "AtLeast" => itemized < reported,
        "AtMost" => itemized > reported,
        "About" => Math.Abs(itemized - reported) > Math.Abs(reported) / 10,
        _ => itemized != reported,
    };

    private sealed record FigureRow
    {
        public string FigureId { get; init; } = "";
        public string Metric { get; init; } = "";
        public string ProvinceCode { get; init; } = "";
        public string ProvinceOn { get; init; } = "";
        public long PeriodFrom { get; init; }
        public long PeriodTo { get; init; }
        public double Value { get; init; }
        public string Qualifier { get; init; } = "";
        public string Statement { get; init; } = "";
        public string EventId { get; init; } = "";
    }

    private sealed record StartupRow
    {
        public string StartupId { get; init; } = "";
        public string Name { get; init; } = "";
        public string NameNorm { get; init; } = "";
        public string ProvinceCode { get; init; } = "";
        public string ProvinceOn { get; init; } = "";
        public string EventId { get; init; } = "";
    }

    private sealed record EventPair
    {
        public string FirstId { get; init; } = "";
        public string SecondId { get; init; } = "";
        public string FirstTitle { get; init; } = "";
        public string SecondTitle { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Theme { get; init; } = "";
        public string Region { get; init; } = "";
        public string FirstHeldOn { get; init; } = "";
        public string SecondHeldOn { get; init; } = "";
        public string ProvinceCode { get; init; } = "";
        public string ProvinceOn { get; init; } = "";
        public string FirstEventId { get; init; } = "";
        public string SecondEventId { get; init; } = "";
    }
}
