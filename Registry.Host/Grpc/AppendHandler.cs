using System.Text.Json;
using Grpc.Core;
using Registry.EventStore;
using Registry.Host.Grpc.Access;
using Registry.Host.Grpc.Protocol;
using Registry.Host.Grpc.Protocol.Streams;
using Registry.Write.Pipeline;

namespace Registry.Host.Grpc;

/// <summary>
/// <c>Streams.Append</c> through the write side, so that nobody bypasses the deciders (decision, issue 6): the
/// proposed event, of a type of the catalogue, is executed as the command with the same fields
/// (<see cref="CatalogueCommands"/>), as the caller's principal (roles, province scope and every rule apply), with the
/// event's id as the command id (a client's retry is answered as the first time, and writes nothing). What is
/// recorded is what the decider decides, with ids and metadata of the write side, as through any other door.
/// <para>
/// A command decides one fact at a time, so an append carries exactly one event: that is what keeps it atomic. An
/// append of no events keeps its EventStoreDB meaning (a check of the expected revision). The stream the client names
/// must be the fact's own stream, and the client's expected revision is checked against it before the command is
/// sent; a wrong one is an answer, not a failure (the client turns it into its own error). The command itself appends
/// at the revision it decided on, so a concurrent write makes it decide again, never breaks a rule.
/// </para>
/// </summary>
public sealed class AppendHandler(IEventStore store, IGrpcAccess access, CommandSender commands)
{
    /// <summary>EventStoreDB's default maximum append size, and the log's limit on an event's data: an event larger
    /// than this is refused as EventStoreDB refuses it, so that the client raises its MaxAppendSizeExceeded error.</summary>
    public const int MaxAppendBytes = 1024 * 1024;

    /// <summary>What one gRPC message may carry: well above <see cref="MaxAppendBytes"/>, so that an oversized event
    /// reaches the check above instead of the transport's bare RESOURCE_EXHAUSTED, and still bounded, since the
    /// message is held in memory whole (appends are read only once the caller is known to be allowed to write).</summary>
    public const int MaxMessageBytes = 16 * 1024 * 1024;

    public async Task<AppendResp> HandleAsync(IAsyncStreamReader<AppendReq> requests, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        if (!await requests.MoveNext(ct) || requests.Current.ContentCase != AppendReq.ContentOneofCase.Options)
            throw GrpcErrors.BadRequest("An append starts with its options.");
        var (stream, expected) = Options(requests.Current.Options);

        var caller = await access.IdentifyAsync(context);
        if (!caller.CanWrite)
            throw GrpcErrors.AccessDenied($"The {RoleNames.NameOf(caller.Role)} role may read but not append; appends need an admin or province-editor API key over TLS.");

        ProposedEvent? proposed = null;
        while (await requests.MoveNext(ct))
        {
            if (requests.Current.ContentCase != AppendReq.ContentOneofCase.ProposedMessage)
                throw GrpcErrors.BadRequest("After its options an append sends proposed messages only.");
            if (proposed is not null)
                throw GrpcErrors.BadRequest("The registry records one fact per append: send each event in an append of its own " +
                                            "(each fact is decided by the write side on its own; one event keeps the append atomic).");
            var message = requests.Current.ProposedMessage;
            if (message.Data.Length + message.CustomMetadata.Length > MaxAppendBytes)
                throw GrpcErrors.MaximumAppendSizeExceeded(MaxAppendBytes);
            proposed = ProposedEvent.From(message);
        }
        return proposed is null
            ? await EmptyAppendAsync(stream, expected, ct)
            : await RecordAsync(stream, expected, proposed, caller, ct);
    }

    private async Task<AppendResp> RecordAsync(string stream, ExpectedRevision expected, ProposedEvent proposed, Principal caller, CancellationToken ct)
    {
        if (CatalogueCommands.Claims.TryGetValue(proposed.Type, out var claimant))
            throw GrpcErrors.BadRequest($"'{proposed.Type}' is written by {claimant} together with the fact that claims it: append that fact instead.");
        var command = CatalogueCommands.For(proposed.Type)
            ?? throw GrpcErrors.BadRequest($"'{proposed.Type}' is not in the registry's event catalogue: appends through gRPC record catalogue facts only.");
        using var data = Parse(proposed);
        var (target, refused) = await commands.StreamOfAsync(command, data.RootElement, ct);
        if (refused is not null) throw GrpcErrors.FromCommand(refused, proposed.Type);
        if (target != stream)
            throw GrpcErrors.BadRequest($"This {proposed.Type} belongs to stream '{target}', not '{stream}': append it to '{target}'.");

        var actual = await store.GetStreamRevisionAsync(stream, ct);
        if (!expected.IsSatisfiedBy(actual) && !await AlreadyRecordedAsync(proposed.Id, ct)) return WrongExpectedVersion(expected, actual);

        var outcome = await commands.SendAsync(command, data.RootElement, proposed.Id, caller, ct);
        if (!outcome.Succeeded) throw GrpcErrors.FromCommand(outcome.Error, proposed.Type);
        return Success(outcome.Result.Revision, outcome.Result.LastPosition);
    }

    private static JsonDocument Parse(ProposedEvent proposed)
    {
        try
        {
            return JsonDocument.Parse(proposed.Data);
        }
        catch (JsonException e)
        {
            throw GrpcErrors.BadRequest($"The {proposed.Type}'s data is not JSON: {e.Message}");
        }
    }

    /// <summary>A retry of an append that succeeded: its command already wrote its first event, so the stream has moved past the client's expectation.</summary>
    private async Task<bool> AlreadyRecordedAsync(Guid eventId, CancellationToken ct) =>
        await store.ReadEventAsync(DeterministicId.ForEvent(eventId, 0), ct) is not null;

    private static (string Stream, ExpectedRevision Expected) Options(AppendReq.Types.Options options)
    {
        var stream = options.StreamIdentifier?.StreamName.ToStringUtf8() ?? "";
        if (stream.StartsWith('$'))
            throw GrpcErrors.AccessDenied($"'{stream}' is a system stream: the registry keeps none, and no stream metadata ($$ streams): " +
                                          "its streams have no maximum age, count or access list, and their history is kept whole.");
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
