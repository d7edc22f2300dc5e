using System.CommandLine;
using System.Text.Json;
using Registry.EventStore;
using Registry.EventStore.Integrity;

namespace Registry.Host.Cli.Integrity;

/// <summary><c>registry checkpoint sign</c>: a signed statement of the log's position and chain digest, for auditors to keep.</summary>
public static class CheckpointCommand
{
    public static Command Create()
    {
        var output = new Option<FileInfo?>("--out")
        {
            Description = "Where to write the statement (default: checkpoint-POSITION.json in the folder the server's /api/audit/checkpoints/latest reads: " +
                          "REGISTRY_CHECKPOINTS, else checkpoints/ next to the SQLite file)",
        };
        var key = new Option<FileInfo?>("--key") { Description = "The registry's signing key, PEM (default: data/signing-key.pem, created on first use)" };
        var sign = new Command("sign", "Sign the log's current position and chain digest") { output, key };
        sign.SetAction(async (result, ct) =>
        {
            var location = StoreOptions.Location(result);
            await using var store = await location.OpenAsync(ct: ct);
            using var signingKey = CheckpointSigner.LoadOrCreateKey(result.GetValue(key)?.FullName ?? DefaultKeyPath);
            var checkpoint = await CheckpointSigner.SignAsync(store, signingKey, ct);
            var path = result.GetValue(output)?.FullName ?? Path.Combine(Http.AuditEndpoints.CheckpointsFolder(location), $"checkpoint-{checkpoint.Position}.json");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(checkpoint, CheckpointSigner.Json), ct);
            Console.WriteLine($"Signed position {checkpoint.Position} (digest {checkpoint.Digest}) → {path}");
            Console.WriteLine($"Public key: {checkpoint.PublicKey}");
            return 0;
        });
        return new Command("checkpoint", "Signed checkpoints of the log") { sign };
    }

    public static string DefaultKeyPath => Path.Combine(Path.GetDirectoryName(EventStoreLocation.DefaultSqlitePath)!, "signing-key.pem");
}
