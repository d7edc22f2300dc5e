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
        // One buffer and one SHA256.HashData call: the group commit hashes every event, so no per-event hasher.
        var length = previous.Length + 8 + 4 + Encoding.UTF8.GetByteCount(stream) + 8 + 16 + 4 + Encoding.UTF8.GetByteCount(eventType)
                     + 4 + data.Length + 4 + metadata.Length + 8;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var buffer = rented.AsSpan(0, length);
            var at = 0;
            previous.CopyTo(buffer);
            at += previous.Length;
            BinaryPrimitives.WriteInt64BigEndian(buffer[at..], position);
            at += 8;
            at += WriteString(buffer[at..], stream);
            BinaryPrimitives.WriteInt64BigEndian(buffer[at..], revision);
            at += 8;
            eventId.TryWriteBytes(buffer[at..], bigEndian: true, out _);
            at += 16;
            at += WriteString(buffer[at..], eventType);
            at += WriteBytes(buffer[at..], data);
            at += WriteBytes(buffer[at..], metadata);
            BinaryPrimitives.WriteInt64BigEndian(buffer[at..], recordedUnixMicroseconds);
            return SHA256.HashData(buffer);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static byte[] Compute(ReadOnlySpan<byte> previous, RecordedEvent e) =>
        Compute(previous, e.Position, e.StreamName, e.StreamRevision, e.EventId, e.EventType, e.Data, e.Metadata, ToUnixMicroseconds(e.Recorded));

    public static long ToUnixMicroseconds(DateTimeOffset t) => (t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset FromUnixMicroseconds(long us) => DateTimeOffset.UnixEpoch.AddTicks(us * 10);

    /// <summary>Length-prefixed UTF-8; returns the bytes written.</summary>
    private static int WriteString(Span<byte> buffer, string s)
    {
        var written = Encoding.UTF8.GetBytes(s, buffer[4..]);
        BinaryPrimitives.WriteInt32BigEndian(buffer, written);
        return 4 + written;
    }

    private static int WriteBytes(Span<byte> buffer, ReadOnlySpan<byte> bytes)
    {
        BinaryPrimitives.WriteInt32BigEndian(buffer, bytes.Length);
        bytes.CopyTo(buffer[4..]);
        return 4 + bytes.Length;
    }
}
