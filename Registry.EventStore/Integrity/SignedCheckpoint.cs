using System.Globalization;
using System.Text;

namespace Registry.EventStore.Integrity;

/// <summary>
/// A statement, signed with the registry's key, that the log's chain hash at <see cref="Position"/> was
/// <see cref="Digest"/> at <see cref="SignedAt"/>. An auditor keeps it: a later log that does not extend it was
/// rewritten, even if the rewriter recomputed the whole chain.
/// </summary>
public sealed record SignedCheckpoint(long Position, string Digest, DateTimeOffset SignedAt, string Algorithm, string PublicKey, string Signature)
{
    public const string EcdsaP256 = "ECDSA-P256-SHA256";

    /// <summary>The exact bytes that are signed.</summary>
    public static byte[] Statement(long position, string digest, DateTimeOffset signedAt) => Encoding.UTF8.GetBytes(
        $"ecosystem-registry-checkpoint\nposition={position.ToString(CultureInfo.InvariantCulture)}\ndigest={digest}\nsignedAt={signedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}\n");
}
