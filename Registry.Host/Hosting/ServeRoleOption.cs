using System.CommandLine;

namespace Registry.Host.Hosting;

/// <summary><c>--role write|read|projections|all</c> of <c>registry serve</c>, and which parts a role includes.</summary>
public static class ServeRoleOption
{
    public static readonly Option<ServeRole> Role = new("--role")
    {
        Description = "What this process does: write, read, projections or all",
        DefaultValueFactory = _ => Enum.TryParse<ServeRole>(Environment.GetEnvironmentVariable("REGISTRY_ROLE"), true, out var role) ? role : ServeRole.All,
    };

    public static bool Includes(this ServeRole role, ServeRole part) => role == ServeRole.All || role == part;
}
