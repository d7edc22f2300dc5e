namespace Registry.Write.Pipeline;

/// <summary>Roles as they are written on the command line and in key events: admin, province-editor, analyst, auditor, partner.</summary>
public static class RoleNames
{
    private static readonly Dictionary<string, Role> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["admin"] = Role.Admin, ["province-editor"] = Role.ProvinceEditor, ["analyst"] = Role.Analyst,
        ["auditor"] = Role.Auditor, ["partner"] = Role.Partner,
    };

    public static IReadOnlyCollection<string> All => ByName.Keys;

    public static string NameOf(Role role) => ByName.First(p => p.Value == role).Key;

    public static bool TryParse(string? name, out Role role) => ByName.TryGetValue(name?.Trim() ?? "", out role);
}
