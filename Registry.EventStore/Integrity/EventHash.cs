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
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> buffer = stackalloc byte[16];
        sha.AppendData(previous);
        BinaryPrimitives.WriteInt64BigEndian(buffer, position);
        sha.AppendData(buffer[..8]);
        AppendString(sha, stream);
        BinaryPrimitives.WriteInt64BigEndian(buffer, revision);
        sha.AppendData(buffer[..8]);
        eventId.TryWriteBytes(buffer, bigEndian: true, out _);
        sha.AppendData(buffer);
        AppendString(sha, eventType);
        AppendBytes(sha, data);
        AppendBytes(sha, metadata);
        BinaryPrimitives.WriteInt64BigEndian(buffer, recordedUnixMicroseconds);
        sha.AppendData(buffer[..8]);
        return sha.GetHashAndReset();
    }

    public static byte[] Compute(ReadOnlySpan<byte> previous, RecordedEvent e) =>
        Compute(previous, e.Position, e.StreamName, e.StreamRevision, e.EventId, e.EventType, e.Data, e.Metadata, ToUnixMicroseconds(e.Recorded));

    public static long ToUnixMicroseconds(DateTimeOffset t) => (t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset FromUnixMicroseconds(long us) => DateTimeOffset.UnixEpoch.AddTicks(us * 10);

    private static void AppendString(IncrementalHash sha, string s) => AppendBytes(sha, Encoding.UTF8.GetBytes(s));

    private static void AppendBytes(IncrementalHash sha, ReadOnlySpan<byte> bytes)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        sha.AppendData(length);
        sha.AppendData(bytes);
    }
}
