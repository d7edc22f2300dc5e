using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Registry.EventStore.Integrity;

/// <summary>
/// The tamper-evident chain: hash(n) = SHA-256(hash(n-1) ‖ canonical bytes of event n), along the global order.
/// One chain over the global order (not one per stream) because the writer already serializes positions, so it is
/// free, and because it also catches a row moved between streams, a reordering across streams, and a truncated tail
/// that a per-stream chain would miss.
/// Canonical bytes: position, stream, revision, id, type, data, metadata, recorded time; each variable field
/// length-prefixed so that no two events share an encoding.
/// </summary>
public static class EventHash
{
    public static readonly byte[] Genesis = new byte[32];

    public static byte[] Compute(ReadOnlySpan<byte> previous, long position, string stream, long revision, Guid eventId,
        string eventType, ReadOnlySpan<byte> data, ReadOnlySpan<byte> metadata, long recordedUnixMicroseconds)
    {
        var hash = new byte[32];
        Compute(previous, position, stream, revision, eventId, eventType, data, metadata, recordedUnixMicroseconds, hash);
        return hash;
    }

    /// <summary>Writes the hash into <paramref name="destination"/> (32 bytes): the allocation-free form the verifier uses.</summary>
    public static void Compute(ReadOnlySpan<byte> previous, long position, string stream, long revision, Guid eventId,
        string eventType, ReadOnlySpan<byte> data, ReadOnlySpan<byte> metadata, long recordedUnixMicroseconds, Span<byte> destination)
    {
        var size = 32 + 8 + 4 + Encoding.UTF8.GetMaxByteCount(stream.Length) + 8 + 16 + 4 + Encoding.UTF8.GetMaxByteCount(eventType.Length)
                   + 4 + data.Length + 4 + metadata.Length + 8;
        var rented = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var buffer = rented.AsSpan();
            var at = 0;
            previous.CopyTo(buffer[at..]); at += previous.Length;
            BinaryPrimitives.WriteInt64BigEndian(buffer[at..], position); at += 8;
            at = WriteString(buffer, at, stream);
            BinaryPrimitives.WriteInt64BigEndian(buffer[at..], revision); at += 8;
            eventId.TryWriteBytes(buffer[at..], bigEndian: true, out _); at += 16;
            at = WriteString(buffer, at, eventType);
            at = WriteBytes(buffer, at, data);
            at = WriteBytes(buffer, at, metadata);
            BinaryPrimitives.WriteInt64BigEndian(buffer[at..], recordedUnixMicroseconds); at += 8;
            SHA256.HashData(buffer[..at], destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static byte[] Compute(ReadOnlySpan<byte> previous, RecordedEvent e) =>
        Compute(previous, e.Position, e.StreamName, e.StreamRevision, e.EventId, e.EventType, e.Data, e.Metadata, ToUnixMicroseconds(e.Recorded));

    /// <summary>The hash <paramref name="e"/> would have if it stood at <paramref name="position"/> after <paramref name="previous"/>.</summary>
    public static byte[] ComputeAt(ReadOnlySpan<byte> previous, RecordedEvent e, long position) =>
        Compute(previous, position, e.StreamName, e.StreamRevision, e.EventId, e.EventType, e.Data, e.Metadata, ToUnixMicroseconds(e.Recorded));

    public static long ToUnixMicroseconds(DateTimeOffset t) => (t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset FromUnixMicroseconds(long us) => DateTimeOffset.UnixEpoch.AddTicks(us * 10);

    private static int WriteString(Span<byte> buffer, int at, string s)
    {
        var length = Encoding.UTF8.GetBytes(s, buffer[(at + 4)..]);
        BinaryPrimitives.WriteInt32BigEndian(buffer[at..], length);
        return at + 4 + length;
    }

    private static int WriteBytes(Span<byte> buffer, int at, ReadOnlySpan<byte> bytes)
    {
        BinaryPrimitives.WriteInt32BigEndian(buffer[at..], bytes.Length);
        bytes.CopyTo(buffer[(at + 4)..]);
        return at + 4 + bytes.Length;
    }
}
