using Registry.Write.Provinces;

namespace Registry.Write.Pipeline;

/// <summary>
/// Which provinces' facts a key may write. An administrator writes all. A province editor's scope is a set of units of
/// today's map, and a fact falls in it when the unit it names on its date has become (or still is) one of them: an
/// editor for Lào Cai (15) writes a 2023 fact of Yên Bái (15 then) or of the old Lào Cai (10), and a 2026 fact of Lào Cai.
/// A code given for the scope that no longer exists stands for its successor. A fact naming no province is national:
/// administrators only.
/// </summary>
public static class ProvinceScope
{
    public static string? Problem(Principal principal, ProvinceMap map, IReadOnlyCollection<ProvinceRef> provinces, bool adminOnly, string command)
    {
        if (principal.Role == Role.Admin) return null;
        if (!principal.CanWrite) return $"key {principal.KeyId} has the role {RoleNames.NameOf(principal.Role)}, which may not record facts";
        if (adminOnly) return $"{command} is recorded by administrators only";
        if (provinces.Count == 0) return $"{command} here names no province: national facts are recorded by administrators only";
        var scope = principal.Provinces.Select(map.CurrentCodeOf).ToHashSet();
        var outside = provinces.Where(p => !scope.Contains(map.CurrentCodeOf(p.Code, p.On))).Select(p => p.Code).Distinct().ToList();
        return outside.Count == 0 ? null
            : $"key {principal.KeyId} may write the facts of province(s) {string.Join(", ", principal.Provinces.Order())} only, not of {string.Join(", ", outside)}";
    }
}
