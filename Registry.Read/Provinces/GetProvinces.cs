using Registry.Contracts.Provinces;
using Registry.Read.Time;

namespace Registry.Read.Provinces;

/// <summary><c>GET /api/provinces?map=&amp;asOf=</c>: the units of a map, with their lineage.</summary>
public static class GetProvinces
{
    public static async Task<ProvinceList> RunAsync(ReadDatabase db, string? map, string? asOf, CancellationToken ct)
    {
        var kind = MapKinds.Parse(map);
        await using var connection = await db.OpenAsync(ct);
        var at = await AsOfResolver.ResolveAsync(connection, asOf, ct);
        var provinces = await ProvinceMap.LoadAsync(connection, at.Position, ct);
        var units = provinces.Units(kind).Select(u =>
        {
            var became = kind == MapKind.Pre2025 ? provinces.Became(u.Code) : null;
            var former = kind == MapKind.Map2025 ? provinces.FormerUnits(u.Code).Select(l => l.OldName).ToList() : [];
            return new ProvinceSummary(u.Code, u.Name, u.Kind, u.Region, DateOnly.Parse(u.ExistsFrom, System.Globalization.CultureInfo.InvariantCulture),
                u.ExistsTo is null ? null : DateOnly.Parse(u.ExistsTo, System.Globalization.CultureInfo.InvariantCulture), former, became?.NewCode, became?.NewName);
        }).ToList();
        return new ProvinceList(kind.Name(), at.Position, units);
    }
}
