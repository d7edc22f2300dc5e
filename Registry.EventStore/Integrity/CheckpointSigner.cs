using System.Security.Cryptography;
using System.Text.Json;

namespace Registry.EventStore.Integrity;

/// <summary>Signs checkpoints with the registry's ECDSA P-256 key (a PEM file, created on first use) and checks them.</summary>
public static class CheckpointSigner
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Loads the key from <paramref name="keyPath"/>, creating it (readable by the owner only) when absent.</summary>
    public static ECDsa LoadOrCreateKey(string keyPath)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        if (File.Exists(keyPath))
        {
            key.ImportFromPem(File.ReadAllText(keyPath));
            return key;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keyPath))!);
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return key;
    }

    public static async Task<SignedCheckpoint> SignAsync(SqlEventStore store, ECDsa key, CancellationToken ct = default)
    {
        var (position, hash) = await store.GetHeadAsync(ct);
        var digest = Convert.ToHexStringLower(hash);
        var signedAt = DateTimeOffset.UtcNow;
        var signature = key.SignData(SignedCheckpoint.Statement(position, digest, signedAt), HashAlgorithmName.SHA256);
        return new SignedCheckpoint(position, digest, signedAt, SignedCheckpoint.EcdsaP256,
            Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()), Convert.ToBase64String(signature));
    }

    /// <summary>Null when the signature holds (and, if given, the key is the pinned one); otherwise why not.</summary>
    public static string? SignatureProblem(SignedCheckpoint checkpoint, string? pinnedPublicKey = null)
    {
        if (checkpoint.Algorithm != SignedCheckpoint.EcdsaP256) return $"unknown algorithm '{checkpoint.Algorithm}'";
        if (pinnedPublicKey is not null && pinnedPublicKey != checkpoint.PublicKey) return "signed with another key than the registry's";
        try
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(checkpoint.PublicKey), out _);
            var valid = key.VerifyData(SignedCheckpoint.Statement(checkpoint.Position, checkpoint.Digest, checkpoint.SignedAt),
                Convert.FromBase64String(checkpoint.Signature), HashAlgorithmName.SHA256);
            return valid ? null : "the signature does not match the statement";
        }
        catch (FormatException) { return "the public key or signature is not valid base64"; }
        catch (CryptographicException e) { return $"the public key is not usable: {e.Message}"; }
    }

    /// <summary>Whether the current log still extends what was signed: the event at the checkpoint's position has the signed chain hash.</summary>
    public static async Task<ChainProblem?> ExtendsAsync(SqlEventStore store, SignedCheckpoint checkpoint, CancellationToken ct = default)
    {
        if (checkpoint.Position == 0) return null;
        await foreach (var e in store.ReadAllAsync(Direction.Forwards, checkpoint.Position, 1, null, ct))
        {
            if (e.Position != checkpoint.Position) break;
            return Convert.ToHexStringLower(e.Hash) == checkpoint.Digest
                ? null
                : new ChainProblem(checkpoint.Position, TamperKind.Rewritten,
                    $"the chain hash at {checkpoint.Position} differs from the one signed on {checkpoint.SignedAt:u}: history up to there was rewritten");
        }
        var head = await store.GetHeadPositionAsync(ct);
        return new ChainProblem(Math.Min(head + 1, checkpoint.Position), TamperKind.Missing,
            $"the checkpoint signed on {checkpoint.SignedAt:u} covers position {checkpoint.Position}, but the log has no event there (it ends at {head})");
    }
}
