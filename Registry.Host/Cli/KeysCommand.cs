using System.CommandLine;
using Registry.Write.Access;
using Registry.Write.Pipeline;

namespace Registry.Host.Cli;

/// <summary><c>registry keys create --role … [--province …]</c> prints a new key once; <c>registry keys revoke KEYID</c>.</summary>
public static class KeysCommand
{
    public static Command Create()
    {
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", RoleNames.All)}", Required = true };
        var provinces = new Option<string[]>("--province") { Description = "A province code a province-editor may write (repeat for several)", AllowMultipleArgumentsPerToken = true };
        var create = new Command("create", "Issue an API key; it is printed once (only its hash is stored)");
        create.Options.Add(role);
        create.Options.Add(provinces);
        create.SetAction(async (result, ct) =>
        {
            if (!RoleNames.TryParse(result.GetValue(role), out var parsed))
            {
                await Console.Error.WriteLineAsync($"--role must be one of: {string.Join(", ", RoleNames.All)}");
                return 2;
            }
            var codes = result.GetValue(provinces) ?? [];
            if (ApiKeys.Problem(parsed, codes) is { } problem)
            {
                await Console.Error.WriteLineAsync(problem);
                return 2;
            }
            await using var store = await StoreOptions.Location(result).OpenAsync(ct: ct);
            var key = await ApiKeys.IssueAsync(store, parsed, codes, TimeProvider.System, ct);
            await Console.Error.WriteLineAsync($"Issued {RoleNames.NameOf(parsed)} key {key.KeyId}{(codes.Length > 0 ? $" for province(s) {string.Join(", ", codes)}" : "")}. " +
                                               "It is shown only now: send it as 'Authorization: Bearer <key>'.");
            Console.WriteLine(key.PresentedKey);
            return 0;
        });

        var keyId = new Argument<string>("keyId") { Description = "The key's id (the part before the dot)" };
        var reason = new Option<string>("--reason") { Description = "Why the key is revoked", DefaultValueFactory = _ => "revoked" };
        var revoke = new Command("revoke", "Revoke an API key");
        revoke.Arguments.Add(keyId);
        revoke.Options.Add(reason);
        revoke.SetAction(async (result, ct) =>
        {
            await using var store = await StoreOptions.Location(result).OpenAsync(ct: ct);
            if (await ApiKeys.RevokeAsync(store, result.GetValue(keyId)!, result.GetValue(reason)!, TimeProvider.System, ct)) return 0;
            await Console.Error.WriteLineAsync($"There is no key '{result.GetValue(keyId)}'.");
            return 1;
        });

        var keys = new Command("keys", "API keys: admin, province-editor, analyst, auditor, partner");
        keys.Subcommands.Add(create);
        keys.Subcommands.Add(revoke);
        keys.Subcommands.Add(DevKey());
        return keys;
    }

    /// <summary>
    /// <c>registry keys dev</c>: the administrator key for local use, issued once and kept in <see cref="DevKeyFile"/>
    /// beside the embedded database (whoever can read that folder can write the database anyway), then printed on each
    /// run. A key that no longer authenticates (revoked, another database) is replaced.
    /// </summary>
    private static Command DevKey()
    {
        var dev = new Command("dev", $"Print the local administrator key, issuing it once (kept in {DevKeyFile})");
        dev.SetAction(async (result, ct) =>
        {
            await using var store = await StoreOptions.Location(result).OpenAsync(ct: ct);
            var saved = File.Exists(DevKeyFile) ? (await File.ReadAllTextAsync(DevKeyFile, ct)).Trim() : null;
            if (saved is null || await new ApiKeyRegistry(store, TimeProvider.System).AuthenticateAsync(saved, ct) is not { Role: Role.Admin })
            {
                saved = (await ApiKeys.IssueAsync(store, Role.Admin, [], TimeProvider.System, ct)).PresentedKey;
                Directory.CreateDirectory(Path.GetDirectoryName(DevKeyFile)!);
                await File.WriteAllTextAsync(DevKeyFile, saved + "\n", ct);
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(DevKeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            Console.WriteLine(saved);
            return 0;
        });
        return dev;
    }

    public const string DevKeyFile = "data/dev-admin.key";
}
