using Grpc.Core;
using Registry.Host.Feeds;
using Registry.Host.Grpc.Access;
using Registry.Host.Grpc.Protocol.Streams;

namespace Registry.Host.Grpc;

/// <summary><c>event_store.client.streams.Streams</c>: Read and Append over the registry's log; Delete and Tombstone
/// are refused with the reason, as access denied (what a client can neither retry nor work around).</summary>
public sealed class StreamsService(ReadResponder reads, AppendHandler appends, IGrpcAccess access) : Streams.StreamsBase
{
    /// <summary>Messages written per network flush at most while history is read (about 45 KB of typical events).</summary>
    private const int MaxBatch = 64;

    private static readonly WriteOptions Buffered = new(WriteFlags.BufferHint);

    public override async Task Read(ReadReq request, IServerStreamWriter<ReadResp> responseStream, ServerCallContext context)
    {
        await access.IdentifyAsync(context);
        var read = ReadRequest.Parse(request);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        var ct = stop.Token;
        await using var responses = new ReadyBatches<ReadResp>(reads.RespondAsync(read, ct).GetAsyncEnumerator(ct), MaxBatch);
        var batch = new List<ReadResp>(MaxBatch);
        try
        {
            while (await responses.NextAsync(batch, Timeout.InfiniteTimeSpan, ct))
                for (var i = 0; i < batch.Count; i++)
                {
                    // Only a batch's last message flushes, and a flush waits for HTTP/2 flow control: a slow client slows
                    // its own reader instead of filling memory.
                    responseStream.WriteOptions = i < batch.Count - 1 ? Buffered : null;
                    await responseStream.WriteAsync(batch[i], ct);
                }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The client ended its subscription (or went away): nothing to answer.
        }
        finally
        {
            await stop.CancelAsync(); // so that a read still waiting for live events ends before it is disposed
        }
    }

    public override Task<AppendResp> Append(IAsyncStreamReader<AppendReq> requestStream, ServerCallContext context) =>
        appends.HandleAsync(requestStream, context);

    public override async Task<DeleteResp> Delete(DeleteReq request, ServerCallContext context)
    {
        await access.IdentifyAsync(context);
        throw AppendOnly(request.Options?.StreamIdentifier, "deleted");
    }

    public override async Task<TombstoneResp> Tombstone(TombstoneReq request, ServerCallContext context)
    {
        await access.IdentifyAsync(context);
        throw AppendOnly(request.Options?.StreamIdentifier, "tombstoned");
    }

    private static RpcException AppendOnly(Protocol.StreamIdentifier? stream, string what) => GrpcErrors.AccessDenied(
        $"Stream '{stream?.StreamName.ToStringUtf8()}' cannot be {what}: the registry's history is append-only. A fact recorded in error " +
        "is corrected (CorrectFact) or retracted (RetractFact) by a new event, and the history keeps both.");
}
