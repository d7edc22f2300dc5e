namespace Registry.Write.Pipeline;

/// <summary>Who sends a command: an API key's id, its role and, for a province editor, the provinces it may write
/// (codes on today's map; see <see cref="Provinces.ProvinceMap.CurrentCodeOf"/> for how older codes fall in scope).</summary>
public sealed record Principal(string KeyId, Role Role, IReadOnlySet<string> Provinces)
{
    /// <summary>An administrator identity for trusted local tools (the seed, imports run on the server's machine).</summary>
    public static Principal Admin(string keyId) => new(keyId, Role.Admin, new HashSet<string>());

    public bool CanWrite => Role is Role.Admin or Role.ProvinceEditor;
}
