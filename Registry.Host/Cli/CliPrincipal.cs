using System.CommandLine;
using Registry.Write.Access;
using Registry.Write.Pipeline;

namespace Registry.Host.Cli;

/// <summary>
/// Who the CLI acts as. Without <c>--key</c> it is the local administrator <c>cli</c>: whoever can open the log's
/// database can write it anyway. With <c>--key</c> the key's role and provinces apply, as over HTTP.
/// </summary>
public static class CliPrincipal
{
    public static readonly Option<string?> Key = new("--key")
    {
        Description = "Act as this API key ({keyId}.{secret}) instead of the local administrator",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("REGISTRY_KEY"),
    };

    public static async Task<Principal?> ResolveAsync(ParseResult result, ApiKeyRegistry keys, CancellationToken ct)
    {
        var key = result.GetValue(Key);
        if (string.IsNullOrWhiteSpace(key)) return Principal.Admin("cli");
        var principal = await keys.AuthenticateAsync(key.Trim(), ct);
        if (principal is null) await Console.Error.WriteLineAsync("--key is not a valid API key (unknown, revoked, or a wrong secret)");
        return principal;
    }
}
