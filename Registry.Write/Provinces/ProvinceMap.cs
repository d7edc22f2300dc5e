using System.Text.RegularExpressions;
using Registry.Contracts.Provinces;
using Registry.Write.Pipeline;

namespace Registry.Write.Provinces;

/// <summary>
/// The provincial map through time, folded from the <c>provinces-vn</c> stream (ProvinceRegistered,
/// ProvincesReorganized, ProvinceRenamed). It answers whether a code may be named on a date, and which unit of
/// today's map a code of any date belongs to.
/// </summary>
public sealed partial class ProvinceMap
{
    private readonly List<ProvinceUnit> _units;

    private ProvinceMap(List<ProvinceUnit> units, long? revision)
    {
        _units = units;
        Revision = revision;
    }

    /// <summary>The revision of <c>provinces-vn</c> the map was folded from (null: no stream).</summary>
    public long? Revision { get; }

    public IReadOnlyList<ProvinceUnit> Units => _units;

    public static ProvinceMap From(Facts stream)
    {
        var units = new List<ProvinceUnit>();
        foreach (var fact in stream.Effective.Select(f => f.Fact))
        {
            switch (fact)
            {
                case ProvinceRegistered r:
                    units.Add(new ProvinceUnit(r.Code, [(r.ValidFrom, r.Name)], r.Kind, r.Region, r.ValidFrom, null, null, null));
                    break;
                case ProvinceRenamed r when IndexOn(units, r.Code, r.EffectiveOn) is var i and >= 0:
                    units[i] = units[i] with { Names = [.. units[i].Names, (r.EffectiveOn, r.NewName)], Kind = r.Kind };
                    break;
                case ProvincesReorganized r:
                    Reorganize(units, r);
                    break;
            }
        }
        return new ProvinceMap(units, stream.Revision);
    }

    private static void Reorganize(List<ProvinceUnit> units, ProvincesReorganized reform)
    {
        var dayBefore = reform.EffectiveOn.AddDays(-1);
        var regions = new Dictionary<string, string>();
        foreach (var merger in reform.Mergers)
        {
            var i = IndexOn(units, merger.OldCode, dayBefore);
            if (i < 0) continue;
            if (merger.OldCode == merger.NewCode || !regions.ContainsKey(merger.NewCode)) regions[merger.NewCode] = units[i].Region;
            units[i] = units[i] with { ValidUntil = reform.EffectiveOn, SuccessorCode = merger.NewCode, SuccessorName = merger.NewName };
        }
        foreach (var created in reform.Mergers.GroupBy(m => m.NewCode).Select(g => g.First()))
            units.Add(new ProvinceUnit(created.NewCode, [(reform.EffectiveOn, created.NewName)], created.NewKind,
                regions.GetValueOrDefault(created.NewCode, ""), reform.EffectiveOn, null, null, null));
    }

    private static int IndexOn(List<ProvinceUnit> units, string code, DateOnly date) =>
        units.FindIndex(u => u.Code == code && u.IsValidOn(date));

    public ProvinceUnit? UnitOn(string code, DateOnly date) => _units.FirstOrDefault(u => u.Code == code && u.IsValidOn(date));

    /// <summary>Null when <paramref name="code"/> names a unit on <paramref name="date"/>; otherwise why not, in words an official reads.</summary>
    public string? Problem(string code, DateOnly date)
    {
        var on = $"on {date:yyyy-MM-dd}";
        if (_units.Count == 0) return "no provinces are registered yet: record the provincial map first (RegisterProvince)";
        if (UnitOn(code, date) is not null) return null;
        if (!CodeShape().IsMatch(code)) return NamedInsteadOfCode(code, date);
        var withCode = _units.Where(u => u.Code == code).ToList();
        if (withCode.Count == 0) return $"'{code}' is not a province code";
        if (withCode.LastOrDefault(u => u.ValidUntil <= date) is { } ended)
            return $"{ended.NameOn(ended.ValidUntil!.Value.AddDays(-1))} ({code}) became part of {ended.SuccessorName} ({ended.SuccessorCode}) " +
                   $"on {ProvinceNames.Date(ended.ValidUntil!.Value)}, so code {code} cannot name it {on}; use {CurrentCodeOf(code, ended.ValidFrom)}";
        var first = withCode.MinBy(u => u.ValidFrom)!;
        return $"code {code} names no province {on}: {first.Name} exists from {first.ValidFrom:yyyy-MM-dd}";
    }

    private string NamedInsteadOfCode(string name, DateOnly date)
    {
        var wanted = ProvinceNames.Normalize(name);
        var named = _units.Where(u => u.Names.Any(n => ProvinceNames.Normalize(n.Name) == wanted)).ToList();
        if (named.FirstOrDefault(u => u.IsValidOn(date)) is { } valid)
            return $"give the province's code, not its name: {valid.NameOn(date)} is {valid.Code} on {date:yyyy-MM-dd}";
        if (named.LastOrDefault(u => u.ValidUntil <= date) is { } ended)
            return $"{ended.Name} became part of {ended.SuccessorName} on {ProvinceNames.Date(ended.ValidUntil!.Value)}; " +
                   $"on {date:yyyy-MM-dd} give code {CurrentCodeOf(ended.Code, ended.ValidFrom)} ({ended.SuccessorName})";
        return $"'{name}' is not a province code (two digits, such as 20 for Lạng Sơn)";
    }

    /// <summary>
    /// The code on today's map of the unit that <paramref name="code"/> named on <paramref name="date"/> now belongs
    /// to: Yên Bái (15, 2023) and Lào Cai (10, 2023) both give 15. A code no unit had on that date is returned as given.
    /// </summary>
    public string CurrentCodeOf(string code, DateOnly date)
    {
        var unit = UnitOn(code, date);
        while (unit is { SuccessorCode: not null, ValidUntil: { } until })
            unit = UnitOn(unit.SuccessorCode, until);
        return unit?.Code ?? code;
    }

    /// <summary>A code given without a date (an editor's scope) read on today's map: a retired code maps to its successor.</summary>
    public string CurrentCodeOf(string code)
    {
        var latest = _units.Where(u => u.Code == code).MaxBy(u => u.ValidFrom);
        return latest is null ? code : CurrentCodeOf(code, latest.ValidFrom);
    }

    [GeneratedRegex(@"^\d{2}$")]
    private static partial Regex CodeShape();
}
