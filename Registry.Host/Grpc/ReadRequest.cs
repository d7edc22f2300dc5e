using Registry.EventStore;
using Registry.Host.Grpc.Protocol.Streams;
using static Registry.Host.Grpc.Protocol.Streams.ReadReq.Types.Options.Types;

namespace Registry.Host.Grpc;

/// <summary>
/// A <c>Streams.Read</c> request, checked: what to read, from where, how many (or a subscription), which filter, and how
/// ids go back. The checks are the ones EventStoreDB makes; a request that fails one is refused as InvalidArgument.
/// </summary>
public sealed record ReadRequest(
    string? Stream,
    ReadFrom From,
    Direction Direction,
    long? Count,
    EventFilter? Filter,
    int CheckpointEvery,
    bool StructuredUuids,
    bool StreamBounds)
{
    /// <summary>EventStoreDB's search window when the client asks for <c>count</c> rather than a maximum.</summary>
    public const int DefaultWindow = 32;

    public bool IsAll => Stream is null;
    public bool IsSubscription => Count is null;

    public static ReadRequest Parse(ReadReq request)
    {
        var options = request.Options ?? throw GrpcErrors.BadRequest("The read has no options.");
        var structured = options.UuidOption?.ContentCase switch
        {
            UUIDOption.ContentOneofCase.Structured => true,
            UUIDOption.ContentOneofCase.String => false,
            _ => throw GrpcErrors.BadRequest("The read has no uuid_option (structured or string)."),
        };
        var direction = options.ReadDirection switch
        {
            ReadDirection.Forwards => Direction.Forwards,
            ReadDirection.Backwards => Direction.Backwards,
            _ => throw GrpcErrors.BadRequest($"Unknown read direction {options.ReadDirection}."),
        };
        long? count = options.CountOptionCase switch
        {
            ReadReq.Types.Options.CountOptionOneofCase.Count => options.Count > long.MaxValue ? long.MaxValue : (long)options.Count,
            ReadReq.Types.Options.CountOptionOneofCase.Subscription => null,
            _ => throw GrpcErrors.BadRequest("The read has neither a count nor a subscription."),
        };
        if (count is null && direction == Direction.Backwards)
            throw GrpcErrors.BadRequest("Subscriptions read forwards only.");

        var (stream, from) = options.StreamOptionCase switch
        {
            ReadReq.Types.Options.StreamOptionOneofCase.Stream => StreamTarget(options.Stream),
            ReadReq.Types.Options.StreamOptionOneofCase.All => (null, AllFrom(options.All)),
            _ => throw GrpcErrors.BadRequest("The read names neither a stream nor $all."),
        };

        EventFilter? filter = null;
        var checkpointEvery = 0;
        if (options.FilterOptionCase == ReadReq.Types.Options.FilterOptionOneofCase.Filter)
        {
            if (stream is not null) throw GrpcErrors.BadRequest("Filters apply to $all only, not to a stream.");
            filter = ParseFilter(options.Filter);
            checkpointEvery = CheckpointInterval(options.Filter);
        }
        return new ReadRequest(stream, from, direction, count, filter, checkpointEvery, structured,
            StreamBounds: stream is not null && count is not null && options.ControlOption?.Compatibility >= 1);
    }

    private static (string, ReadFrom) StreamTarget(StreamOptions options)
    {
        var name = options.StreamIdentifier?.StreamName.ToStringUtf8();
        if (string.IsNullOrEmpty(name)) throw GrpcErrors.BadRequest("The read names no stream.");
        var from = options.RevisionOptionCase switch
        {
            StreamOptions.RevisionOptionOneofCase.Start => ReadFrom.Start,
            StreamOptions.RevisionOptionOneofCase.End => ReadFrom.End,
            StreamOptions.RevisionOptionOneofCase.Revision => ReadFrom.At(ProtocolPosition.To(options.Revision)),
            _ => throw GrpcErrors.BadRequest("The stream read has no revision, start or end."),
        };
        return (name, from);
    }

    private static ReadFrom AllFrom(AllOptions options) => options.AllOptionCase switch
    {
        AllOptions.AllOptionOneofCase.Start => ReadFrom.Start,
        AllOptions.AllOptionOneofCase.End => ReadFrom.End,
        AllOptions.AllOptionOneofCase.Position => ReadFrom.At(ProtocolPosition.To(options.Position.CommitPosition)),
        _ => throw GrpcErrors.BadRequest("The $all read has no position, start or end."),
    };

    private static EventFilter ParseFilter(FilterOptions options)
    {
        var (expression, byType) = options.FilterCase switch
        {
            FilterOptions.FilterOneofCase.EventType => (options.EventType, true),
            FilterOptions.FilterOneofCase.StreamIdentifier => (options.StreamIdentifier, false),
            _ => throw GrpcErrors.BadRequest("The filter targets neither event type nor stream name."),
        };
        try
        {
            if (!string.IsNullOrEmpty(expression.Regex))
                return byType ? EventFilter.EventTypeRegex(expression.Regex) : EventFilter.StreamNameRegex(expression.Regex);
            if (expression.Prefix.Count > 0)
                return byType ? EventFilter.EventTypePrefix([.. expression.Prefix]) : EventFilter.StreamNamePrefix([.. expression.Prefix]);
        }
        catch (ArgumentException e)
        {
            throw GrpcErrors.BadRequest($"Invalid filter: {e.Message}");
        }
        throw GrpcErrors.BadRequest("The filter has neither a regex nor prefixes.");
    }

    /// <summary>As EventStoreDB: a checkpoint every (search window × multiplier) events examined.</summary>
    private static int CheckpointInterval(FilterOptions options)
    {
        if (options.CheckpointIntervalMultiplier == 0) throw GrpcErrors.BadRequest("checkpointIntervalMultiplier must be 1 or more.");
        long window = options.WindowCase switch
        {
            FilterOptions.WindowOneofCase.Max when options.Max == 0 => throw GrpcErrors.BadRequest("The filter's max search window must be 1 or more."),
            FilterOptions.WindowOneofCase.Max => options.Max,
            _ => DefaultWindow,
        };
        return (int)Math.Min(int.MaxValue, window * options.CheckpointIntervalMultiplier);
    }
}
