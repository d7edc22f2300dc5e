using System.Data.Common;
using Dapper;
using Registry.Projections.Common;

namespace Registry.Read.Provinces;

/// <summary>
/// The provincial map as the registry knew it at a position: the units over time and the lineage of the latest
/// reorganization. It says which recorded codes a unit of a map covers. A fact's code is read by the date it was
/// recorded for (<c>province_on</c>): before the reform's effective date it is an old unit, which rolls up into its new
/// unit on the 2025 map; from that date on it is a new unit. On the old map, a fact recorded after the reform is
/// shown under the old unit whose code the new unit kept (the only attribution a merged unit allows).
/// </summary>
public sealed class ProvinceMap
{
    private readonly IReadOnlyList<UnitRow> _units;
    private readonly IReadOnlyList<LineageRow> _lineage;

    private ProvinceMap(IReadOnlyList<UnitRow> units, IReadOnlyList<LineageRow> lineage)
    {
        _units = units;
        EffectiveOn = lineage.Count == 0 ? null : lineage.Max(l => l.EffectiveOn);
        _lineage = lineage.Where(l => l.EffectiveOn == EffectiveOn).ToList();
    }

    /// <summary>The effective date of the latest reorganization known (ISO), or null before any was recorded.</summary>
    public string? EffectiveOn { get; }

    public static async Task<ProvinceMap> LoadAsync(DbConnection connection, long asOf, CancellationToken ct)
    {
        var units = await connection.QueryAsync<UnitRow>(new CommandDefinition(
            $"SELECT code, name, kind, region, exists_from, exists_to FROM provinces WHERE {Temporal.VisibleAt()} ORDER BY code, exists_from",
            new { asOf }, cancellationToken: ct));
        var lineage = await connection.QueryAsync<LineageRow>(new CommandDefinition(
            $"SELECT old_code, old_name, new_code, new_name, effective_on FROM province_lineage WHERE {Temporal.VisibleAt()} ORDER BY old_code",
            new { asOf }, cancellationToken: ct));
        return new ProvinceMap(units.ToList(), lineage.ToList());
    }

    /// <summary>The units of a map: on the 2025 map today's units; on the old map those that existed the day before the reform.</summary>
    public IReadOnlyList<UnitRow> Units(MapKind map) => EffectiveOn is null || map == MapKind.Map2025
        ? _units.Where(u => u.ExistsTo is null).ToList()
        : _units.Where(u => string.CompareOrdinal(u.ExistsFrom, EffectiveOn) < 0 && (u.ExistsTo is null || string.CompareOrdinal(u.ExistsTo, EffectiveOn) >= 0)).ToList();

    public UnitRow? Unit(MapKind map, string code) => Units(map).FirstOrDefault(u => u.Code == code);

    public string NameOf(MapKind map, string code) => Unit(map, code)?.Name ?? code;

    /// <summary>The old units that became <paramref name="code"/> (2025 map), or the unit it became (old map).</summary>
    public IReadOnlyList<LineageRow> FormerUnits(string code) => _lineage.Where(l => l.NewCode == code).ToList();

    public LineageRow? Became(string code) => _lineage.FirstOrDefault(l => l.OldCode == code);

    /// <summary>The unit of <paramref name="map"/> a fact recorded with <paramref name="code"/> for date <paramref name="on"/> belongs to.</summary>
    public string UnitOf(MapKind map, string code, string on) =>
        map == MapKind.Map2025 && EffectiveOn is not null && string.CompareOrdinal(on, EffectiveOn) < 0 ? Became(code)?.NewCode ?? code : code;

    /// <summary>The recorded codes that roll up into a unit (for display and explain).</summary>
    public IReadOnlyList<string> RecordedCodes(MapKind map, string code) => map == MapKind.Map2025 && EffectiveOn is not null
        ? FormerUnits(code).Select(l => l.OldCode).Append(code).Distinct().Order().ToList()
        : [code];

    /// <summary>A SQL predicate selecting the rows of a unit of a map, over a table's code and date columns; adds its parameters.</summary>
    public string Filter(MapKind map, string code, string codeColumn, string onColumn, DynamicParameters parameters)
    {
        parameters.Add("pc", code);
        if (map == MapKind.Pre2025 || EffectiveOn is null) return $"{codeColumn} = @pc";
        // One parameter per old code: Dapper expands lists for SQLite but passes an array to Npgsql, which IN does not take.
        var olds = FormerUnits(code).Select(l => l.OldCode).ToList();
        for (var i = 0; i < olds.Count; i++) parameters.Add($"pcOld{i}", olds[i]);
        parameters.Add("pcEff", EffectiveOn);
        var inOlds = olds.Count == 0 ? "1 = 0" : $"{codeColumn} IN ({string.Join(", ", olds.Select((_, i) => $"@pcOld{i}"))})";
        // The leading IN over every code lets both databases seek the (code, year) index instead of scanning for the OR.
        var all = string.Join(", ", olds.Select((_, i) => $"@pcOld{i}").Append("@pc"));
        return $"({codeColumn} IN ({all}) AND (({inOlds} AND {onColumn} < @pcEff) OR ({codeColumn} = @pc AND {onColumn} >= @pcEff)))";
    }

    public sealed record UnitRow
    {
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Region { get; init; } = "";
        public string ExistsFrom { get; init; } = "";
        public string? ExistsTo { get; init; }
    }

    public sealed record LineageRow
    {
        public string OldCode { get; init; } = "";
        public string OldName { get; init; } = "";
        public string NewCode { get; init; } = "";
        public string NewName { get; init; } = "";
        public string EffectiveOn { get; init; } = "";
    }
}
