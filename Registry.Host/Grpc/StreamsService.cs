using Grpc.Core;
using Registry.Host.Grpc.Access;
using Registry.Host.Grpc.Protocol.Streams;

namespace Registry.Host.Grpc;

/// <summary><c>event_store.client.streams.Streams</c>: Read and Append over the registry's log.</summary>
public sealed class StreamsService(ReadResponder reads, AppendHandler appends, IGrpcAccess access) : Streams.StreamsBase
{
    public override async Task Read(ReadReq request, IServerStreamWriter<ReadResp> responseStream, ServerCallContext context)
    {
        await access.IdentifyAsync(context);
        var read = ReadRequest.Parse(request);
        var ct = context.CancellationToken;
        try
        {
            // Each write waits for HTTP/2 flow control, so a slow client slows its own reader instead of filling memory.
            await foreach (var response in reads.RespondAsync(read, ct))
                await responseStream.WriteAsync(response, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client ended its subscription (or went away): nothing to answer.
        }
    }

    public override Task<AppendResp> Append(IAsyncStreamReader<AppendReq> requestStream, ServerCallContext context) =>
        appends.HandleAsync(requestStream, context);
}
