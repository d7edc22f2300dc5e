using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using Registry.Host.Grpc;
using Registry.Host.Grpc.Protocol;
using Registry.Host.Grpc.Protocol.Streams;

namespace Registry.Host.Cli.Bench;

/// <summary>
/// A partner following the log, in process, as the benchmark's subscribers: over gRPC with the generated client of
/// our own .proto files, or over the SSE feed with an HttpClient. Each notes the log position of every event it
/// receives and the <see cref="Stopwatch"/> timestamp it arrived at.
/// </summary>
public sealed class FeedSubscriber
{
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the server has answered the subscription (events appended after it are delivered).</summary>
    public Task Connected => _connected.Task;

    public List<(long Position, long ArrivedAt)> Received { get; } = new(1 << 16);

    /// <summary>Subscribes to <c>$all</c> over gRPC from <paramref name="from"/> (null: the end) until <paramref name="count"/> events or cancellation.</summary>
    public async Task FollowGrpcAsync(Uri endpoint, long? from, long count, CancellationToken ct)
    {
        using var channel = GrpcChannel.ForAddress(endpoint);
        var client = new Streams.StreamsClient(channel);
        var all = new ReadReq.Types.Options.Types.AllOptions();
        if (from is { } p) all.Position = new ReadReq.Types.Options.Types.Position { CommitPosition = ProtocolPosition.From(p), PreparePosition = ProtocolPosition.From(p) };
        else all.End = new Empty();
        var request = new ReadReq
        {
            Options = new ReadReq.Types.Options
            {
                All = all, Subscription = new ReadReq.Types.Options.Types.SubscriptionOptions(), NoFilter = new Empty(),
                UuidOption = new ReadReq.Types.Options.Types.UUIDOption { String = new Empty() },
            },
        };
        using var call = client.Read(request, cancellationToken: ct);
        try
        {
            while (await call.ResponseStream.MoveNext(ct))
            {
                var response = call.ResponseStream.Current;
                if (response.ContentCase == ReadResp.ContentOneofCase.Confirmation) _connected.TrySetResult();
                if (response.ContentCase != ReadResp.ContentOneofCase.Event) continue;
                Received.Add((ProtocolPosition.To(response.Event.Event.CommitPosition), Stopwatch.GetTimestamp()));
                if (Received.Count >= count) return;
            }
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && ct.IsCancellationRequested) { }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }

    /// <summary>Reads <c>/api/feed</c> from <paramref name="from"/> (null: the end) until <paramref name="count"/> events or cancellation.</summary>
    public async Task FollowSseAsync(HttpClient http, long? from, long count, CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync($"/api/feed?from={from?.ToString(CultureInfo.InvariantCulture) ?? "end"}",
                HttpCompletionOption.ResponseHeadersRead, ct);
            response.EnsureSuccessStatusCode();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                // The feed's opening comment is written once the subscription is in place.
                if (line.StartsWith(": ecosystem", StringComparison.Ordinal)) _connected.TrySetResult();
                if (!line.StartsWith("id: ", StringComparison.Ordinal)) continue;
                Received.Add((long.Parse(line.AsSpan(4), CultureInfo.InvariantCulture), Stopwatch.GetTimestamp()));
                if (Received.Count >= count) return;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }
}
