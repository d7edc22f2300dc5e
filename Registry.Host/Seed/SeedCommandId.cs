using System.Security.Cryptography;
using System.Text;

namespace Registry.Host.Seed;

/// <summary>
/// The command id of a seed line: a name-based UUID (RFC 9562 version 5) of its key, so that the same line always
/// carries the same id and the write side's idempotency turns a second seeding into a no-op.
/// </summary>
public static class SeedCommandId
{
    private static readonly Guid Namespace = new("5eed0844-0000-4a11-8e6f-7265676e7374");

    public static Guid From(string key)
    {
        Span<byte> name = stackalloc byte[16 + Encoding.UTF8.GetByteCount(key)];
        Namespace.TryWriteBytes(name[..16], bigEndian: true, out _);
        Encoding.UTF8.GetBytes(key, name[16..]);
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(name, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
