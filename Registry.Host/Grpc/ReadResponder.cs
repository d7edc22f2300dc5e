using System.Runtime.CompilerServices;
using Registry.EventStore;
using Registry.EventStore.Subscriptions;
using Registry.Host.Feeds;
using Registry.Host.Grpc.Protocol.Streams;

namespace Registry.Host.Grpc;

/// <summary>
/// Answers a checked <see cref="ReadRequest"/> from the log: finite reads of a stream or of <c>$all</c>, and catch-up
/// subscriptions (history, then live) that run until the client goes away. Positions follow <see cref="ProtocolPosition"/>.
/// </summary>
public sealed class ReadResponder(IEventStore store)
{
    public IAsyncEnumerable<ReadResp> RespondAsync(ReadRequest read, CancellationToken ct) => (read.IsAll, read.IsSubscription) switch
    {
        (false, false) => ReadStreamAsync(read, ct),
        (true, false) => ReadAllAsync(read, ct),
        (false, true) => SubscribeToStreamAsync(read, ct),
        (true, true) => SubscribeToAllAsync(read, ct),
    };

    private async IAsyncEnumerable<ReadResp> ReadStreamAsync(ReadRequest read, [EnumeratorCancellation] CancellationToken ct)
    {
        var stream = read.Stream!;
        if (!PartnerView.IsSharedStream(stream) || await store.GetStreamRevisionAsync(stream, ct) is not { } last)
        {
            yield return ReadResponses.StreamNotFound(stream);
            yield break;
        }
        var from = (read.From.Where, read.Direction) switch
        {
            (ReadFrom.Kind.Start, _) => 0,
            (ReadFrom.Kind.End, Direction.Forwards) => last + 1,
            (ReadFrom.Kind.End, _) => long.MaxValue,
            _ => read.From.Value,
        };
        if (read.Count > 0)
            await foreach (var e in store.ReadStreamAsync(stream, read.Direction, from, read.Count.Value, ct))
                yield return ReadResponses.Event(e, read.StructuredUuids);
        if (read.StreamBounds)
        {
            yield return ReadResponses.FirstStreamPosition(0);
            yield return ReadResponses.LastStreamPosition(last);
        }
    }

    private async IAsyncEnumerable<ReadResp> ReadAllAsync(ReadRequest read, [EnumeratorCancellation] CancellationToken ct)
    {
        long? from = (read.From.Where, read.Direction) switch
        {
            (ReadFrom.Kind.Start, Direction.Forwards) => 1,
            (ReadFrom.Kind.End, Direction.Backwards) => long.MaxValue,
            (ReadFrom.Kind.At, Direction.Forwards) => Math.Max(1, read.From.Value),
            (ReadFrom.Kind.At, Direction.Backwards) when read.From.Value > 1 => read.From.Value - 1,
            _ => null, // forwards from the end, or backwards from the start: nothing to read
        };
        if (from is null || read.Count == 0) yield break;
        // The count applies to what the partner receives, so the registry's own events are skipped as they are read.
        var remaining = read.Count!.Value;
        await foreach (var e in store.ReadAllAsync(read.Direction, from.Value, long.MaxValue, read.Filter, ct))
        {
            if (!PartnerView.IsShared(e)) continue;
            yield return ReadResponses.Event(e, read.StructuredUuids);
            if (--remaining == 0) yield break;
        }
    }

    private async IAsyncEnumerable<ReadResp> SubscribeToStreamAsync(ReadRequest read, [EnumeratorCancellation] CancellationToken ct)
    {
        var stream = read.Stream!;
        yield return ReadResponses.Confirmation();
        if (!PartnerView.IsSharedStream(stream))
        {
            // As a missing stream answers (reads say "not found" too): caught up, then open until the client leaves,
            // for a subscription that ended by itself would look like a server fault to the client.
            yield return ReadResponses.CaughtUp(streamRevision: null, position: null);
            await Task.Delay(Timeout.Infinite, ct);
            yield break;
        }
        var after = read.From.Where switch
        {
            ReadFrom.Kind.Start => -1,
            ReadFrom.Kind.End => await store.GetStreamRevisionAsync(stream, ct) ?? -1,
            _ => read.From.Value,
        };
        long? resumeFrom = after >= 0 ? after : null;
        await foreach (var message in store.SubscribeToStreamAsync(stream, after, ct))
        {
            switch (message)
            {
                case SubscriptionMessage.Event { Record: var e }:
                    resumeFrom = e.StreamRevision;
                    yield return ReadResponses.Event(e, read.StructuredUuids);
                    break;
                case SubscriptionMessage.CaughtUp:
                    yield return ReadResponses.CaughtUp(resumeFrom, position: null);
                    break;
            }
        }
    }

    private async IAsyncEnumerable<ReadResp> SubscribeToAllAsync(ReadRequest read, [EnumeratorCancellation] CancellationToken ct)
    {
        yield return ReadResponses.Confirmation();
        var after = read.From.Where switch
        {
            ReadFrom.Kind.Start => 0,
            ReadFrom.Kind.End => await store.GetHeadPositionAsync(ct),
            _ => read.From.Value,
        };
        await foreach (var message in store.SubscribeToAllAsync(after, read.Filter, read.CheckpointEvery, ct))
        {
            yield return message switch
            {
                SubscriptionMessage.Event { Record: var e } when !PartnerView.IsShared(e) => ReadResponses.Checkpoint(e.Position),
                SubscriptionMessage.Event { Record: var e } => ReadResponses.Event(e, read.StructuredUuids),
                SubscriptionMessage.Checkpoint { Position: var p } => ReadResponses.Checkpoint(p),
                // Every position up to the head was examined, so the head is a place to resume from.
                SubscriptionMessage.CaughtUp { Position: var head } =>
                    ReadResponses.CaughtUp(streamRevision: null, position: Math.Max(head, after) is > 0 and var p ? p : null),
                _ => throw new InvalidOperationException($"Unexpected subscription message {message}."),
            };
        }
    }
}
