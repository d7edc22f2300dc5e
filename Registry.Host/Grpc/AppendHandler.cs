using Grpc.Core;
using Registry.EventStore;
using Registry.Host.Grpc.Access;
using Registry.Host.Grpc.Protocol;
using Registry.Host.Grpc.Protocol.Streams;

namespace Registry.Host.Grpc;

/// <summary>
/// <c>Streams.Append</c>: the options, then the proposed events, appended atomically. A wrong expected revision is an
/// answer, not a failure (the client turns it into its own error); everything else wrong is a gRPC error.
/// </summary>
public sealed class AppendHandler(IEventStore store, IGrpcAccess access, IAppendValidator validator)
{
    /// <summary>Bounds what one call may make the server hold in memory (the log's own limits apply per event).</summary>
    public const int MaxAppendBytes = 16 * 1024 * 1024;

    public async Task<AppendResp> HandleAsync(IAsyncStreamReader<AppendReq> requests, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        if (!await requests.MoveNext(ct) || requests.Current.ContentCase != AppendReq.ContentOneofCase.Options)
            throw GrpcErrors.BadRequest("An append starts with its options.");
        var (stream, expected) = Options(requests.Current.Options);

        var caller = await access.IdentifyAsync(context);
        if (!caller.MayAppend)
            throw GrpcErrors.AccessDenied($"The {caller.Role} role may read but not append; appends need an admin or province-editor API key over TLS.");

        var events = new List<EventData>();
        long bytes = 0;
        while (await requests.MoveNext(ct))
        {
            if (requests.Current.ContentCase != AppendReq.ContentOneofCase.ProposedMessage)
                throw GrpcErrors.BadRequest("After its options an append sends proposed messages only.");
            var e = ProposedEvent.ToEventData(requests.Current.ProposedMessage, events.Count);
            bytes += e.Data.Length + e.Metadata.Length;
            if (bytes > MaxAppendBytes)
                throw GrpcErrors.MaximumAppendSizeExceeded($"The append is larger than {MaxAppendBytes} bytes.");
            events.Add(e);
        }
        if (events.Count == 0) return await EmptyAppendAsync(stream, expected, ct);
        if (validator.Problem(stream, events) is { } problem) throw GrpcErrors.BadRequest(problem);

        try
        {
            var result = await store.AppendAsync(stream, expected, events, ct);
            return Success(result.NextExpectedRevision, result.LastPosition);
        }
        catch (WrongExpectedRevisionException e)
        {
            return WrongExpectedVersion(expected, e.Actual);
        }
        catch (InvalidAppendException e)
        {
            throw GrpcErrors.BadRequest(e.Message);
        }
        catch (DuplicateEventIdException e)
        {
            throw GrpcErrors.DuplicateEventId(e.Message);
        }
    }

    private static (string Stream, ExpectedRevision Expected) Options(AppendReq.Types.Options options)
    {
        var stream = options.StreamIdentifier?.StreamName.ToStringUtf8() ?? "";
        if (StreamName.Problem(stream) is { } problem) throw GrpcErrors.BadRequest($"The stream name {problem}.");
        var expected = options.ExpectedStreamRevisionCase switch
        {
            AppendReq.Types.Options.ExpectedStreamRevisionOneofCase.Any => ExpectedRevision.Any,
            AppendReq.Types.Options.ExpectedStreamRevisionOneofCase.NoStream => ExpectedRevision.NoStream,
            AppendReq.Types.Options.ExpectedStreamRevisionOneofCase.StreamExists => ExpectedRevision.StreamExists,
            AppendReq.Types.Options.ExpectedStreamRevisionOneofCase.Revision when options.Revision <= long.MaxValue =>
                ExpectedRevision.Exact((long)options.Revision),
            _ => throw GrpcErrors.BadRequest("The append has no valid expected revision (revision, no_stream, any or stream_exists)."),
        };
        return (stream, expected);
    }

    /// <summary>As EventStoreDB: an append of no events checks the expected revision and writes nothing.</summary>
    private async Task<AppendResp> EmptyAppendAsync(string stream, ExpectedRevision expected, CancellationToken ct)
    {
        var actual = await store.GetStreamRevisionAsync(stream, ct);
        if (!expected.IsSatisfiedBy(actual)) return WrongExpectedVersion(expected, actual);
        var success = new AppendResp.Types.Success { NoPosition = new Empty() };
        if (actual is { } revision) success.CurrentRevision = (ulong)revision;
        else success.NoStream = new Empty();
        return new AppendResp { Success = success };
    }

    private static AppendResp Success(long revision, long lastPosition) => new()
    {
        Success = new AppendResp.Types.Success
        {
            CurrentRevision = (ulong)revision,
            Position = new AppendResp.Types.Position
            {
                CommitPosition = ProtocolPosition.From(lastPosition),
                PreparePosition = ProtocolPosition.From(lastPosition),
            },
        },
    };

    /// <summary>Both the current fields (6–11) and the legacy ones (1–5) that clients before 20.6.1 read.</summary>
    private static AppendResp WrongExpectedVersion(ExpectedRevision expected, long? actual)
    {
        var wrong = new AppendResp.Types.WrongExpectedVersion();
        if (actual is { } current)
        {
            wrong.CurrentRevision = (ulong)current;
            wrong.CurrentRevision2060 = (ulong)current;
        }
        else
        {
            wrong.CurrentNoStream = new Empty();
            wrong.NoStream2060 = new Empty();
        }
        if (expected.IsAny)
        {
            wrong.ExpectedAny = new Empty();
            wrong.Any2060 = new Empty();
        }
        else if (expected.IsStreamExists)
        {
            wrong.ExpectedStreamExists = new Empty();
            wrong.StreamExists2060 = new Empty();
        }
        else if (expected.IsNoStream)
        {
            wrong.ExpectedNoStream = new Empty(); // the legacy fields had no "no stream" case
        }
        else
        {
            wrong.ExpectedRevision = (ulong)expected.Value;
            wrong.ExpectedRevision2060 = (ulong)expected.Value;
        }
        return new AppendResp { WrongExpectedVersion = wrong };
    }
}
