using System.Buffers.Binary;
using Registry.Host.Grpc.Protocol;

namespace Registry.Host.Grpc;

/// <summary>Event ids on the wire: the string form, or two 64-bit halves of the RFC 4122 byte order (most significant first).</summary>
public static class ProtocolUuid
{
    public static UUID ToString(Guid id) => new() { String = id.ToString() };

    public static UUID ToStructured(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return new UUID
        {
            Structured = new UUID.Types.Structured
            {
                MostSignificantBits = BinaryPrimitives.ReadInt64BigEndian(bytes[..8]),
                LeastSignificantBits = BinaryPrimitives.ReadInt64BigEndian(bytes[8..]),
            },
        };
    }

    /// <summary>The id a client proposed, or null when it is missing or malformed.</summary>
    public static Guid? Parse(UUID? uuid)
    {
        switch (uuid?.ValueCase)
        {
            case UUID.ValueOneofCase.String:
                return Guid.TryParse(uuid.String, out var id) ? id : null;
            case UUID.ValueOneofCase.Structured:
                Span<byte> bytes = stackalloc byte[16];
                BinaryPrimitives.WriteInt64BigEndian(bytes[..8], uuid.Structured.MostSignificantBits);
                BinaryPrimitives.WriteInt64BigEndian(bytes[8..], uuid.Structured.LeastSignificantBits);
                return new Guid(bytes, bigEndian: true);
            default:
                return null;
        }
    }
}
