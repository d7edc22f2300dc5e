namespace Registry.Read.Provinces;

public static class MapKinds
{
    /// <summary>Parses <c>map=2025|pre2025</c>; <paramref name="fallback"/> when absent.</summary>
    public static MapKind Parse(string? value, MapKind fallback = MapKind.Map2025) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => fallback,
        "2025" => MapKind.Map2025,
        "pre2025" => MapKind.Pre2025,
        _ => throw new QueryParameterException("map", $"'{value}' is not a map: use 2025 (34 units) or pre2025 (63 units)"),
    };

    public static string Name(this MapKind map) => map == MapKind.Map2025 ? "2025" : "pre2025";
}
