using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Registry.Host.Grpc.Protocol;
using Registry.Host.Grpc.Protocol.Streams;
using RecordedEvent = Registry.EventStore.RecordedEvent;

namespace Registry.Host.Grpc;

/// <summary>The <c>ReadResp</c> messages, built from the log's records and markers.</summary>
public static class ReadResponses
{
    public const string JsonContentType = "application/json";

    public static ReadResp Event(RecordedEvent e, bool structuredUuids) => new()
    {
        Event = new ReadResp.Types.ReadEvent
        {
            Event = new ReadResp.Types.ReadEvent.Types.RecordedEvent
            {
                Id = structuredUuids ? ProtocolUuid.ToStructured(e.EventId) : ProtocolUuid.ToString(e.EventId),
                StreamIdentifier = StreamIdentifier(e.StreamName),
                StreamRevision = (ulong)e.StreamRevision,
                CommitPosition = ProtocolPosition.From(e.Position),
                PreparePosition = ProtocolPosition.From(e.Position),
                Metadata =
                {
                    ["type"] = e.EventType,
                    ["content-type"] = JsonContentType,
                    ["created"] = CreatedTicks(e.Recorded),
                },
                // Wrapped, not copied: nothing writes to a recorded event's bytes once read.
                CustomMetadata = UnsafeByteOperations.UnsafeWrap(e.Metadata),
                Data = UnsafeByteOperations.UnsafeWrap(Feeds.PartnerView.Data(e)),
            },
            CommitPosition = ProtocolPosition.From(e.Position),
        },
    };

    public static ReadResp Confirmation() => new()
    {
        Confirmation = new ReadResp.Types.SubscriptionConfirmation { SubscriptionId = Guid.NewGuid().ToString() },
    };

    public static ReadResp Checkpoint(long position) => new()
    {
        Checkpoint = new ReadResp.Types.Checkpoint
        {
            CommitPosition = ProtocolPosition.From(position),
            PreparePosition = ProtocolPosition.From(position),
            Timestamp = Timestamp.FromDateTime(DateTime.UtcNow),
        },
    };

    /// <summary>A stream subscription resumes from <paramref name="streamRevision"/>, one to <c>$all</c> from <paramref name="position"/>.</summary>
    public static ReadResp CaughtUp(long? streamRevision, long? position)
    {
        var caughtUp = new ReadResp.Types.CaughtUp { Timestamp = Timestamp.FromDateTime(DateTime.UtcNow) };
        if (streamRevision is { } revision) caughtUp.StreamRevision = revision;
        if (position is { } p)
            caughtUp.Position = new ReadResp.Types.Position { CommitPosition = ProtocolPosition.From(p), PreparePosition = ProtocolPosition.From(p) };
        return new ReadResp { CaughtUp = caughtUp };
    }

    public static ReadResp StreamNotFound(string stream) => new()
    {
        StreamNotFound = new ReadResp.Types.StreamNotFound { StreamIdentifier = StreamIdentifier(stream) },
    };

    public static ReadResp FirstStreamPosition(long revision) => new() { FirstStreamPosition = (ulong)revision };

    public static ReadResp LastStreamPosition(long revision) => new() { LastStreamPosition = (ulong)revision };

    public static StreamIdentifier StreamIdentifier(string stream) => new() { StreamName = ByteString.CopyFromUtf8(stream) };

    /// <summary>EventStoreDB's <c>created</c>: .NET ticks (100 ns) since the Unix epoch, as a decimal string.</summary>
    public static string CreatedTicks(DateTimeOffset recorded) =>
        (recorded.UtcTicks - DateTime.UnixEpoch.Ticks).ToString(CultureInfo.InvariantCulture);
}
