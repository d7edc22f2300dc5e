using System.Security.Cryptography;
using System.Text;

namespace Registry.Write.Pipeline;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 5: SHA-1 of a namespace and a name). Event ids derive from the command id, so
/// sending a command again proposes the same events and the log answers idempotently instead of appending twice.
/// </summary>
public static class DeterministicId
{
    private static readonly Guid EventNamespace = new("5b0f3c52-8f0e-4f4e-9a55-6a4f1d2c7e10");
    private static readonly Guid ClaimNamespace = new("8e3d5a71-64c2-4b0f-a9d6-2c7f1e4b8a93");
    private static readonly Guid CommandNamespace = new("c1a0b6e4-2d3f-4e59-8b7a-0f9e8d7c6b5a");

    /// <summary>The id of the <paramref name="index"/>-th event a command writes.</summary>
    public static Guid ForEvent(Guid commandId, int index) => Create(EventNamespace, $"{commandId:N}/{index}");

    /// <summary>The id of the event claiming <paramref name="value"/> (<see cref="UniqueClaim"/>): the same for every command that claims it.</summary>
    public static Guid ForClaim(string value) => Create(ClaimNamespace, value);

    /// <summary>A command id from any text (an Idempotency-Key that is not a UUID, an import row's content).</summary>
    public static Guid ForCommand(string name) => Create(CommandNamespace, name);

    private static Guid Create(Guid ns, string name)
    {
        var input = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        ns.TryWriteBytes(input, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, input.AsSpan(16));
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
