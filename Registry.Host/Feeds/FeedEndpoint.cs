using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.IO.Pipelines;
using System.Text.Json;
using Registry.EventStore;
using Registry.EventStore.Subscriptions;

namespace Registry.Host.Feeds;

/// <summary>
/// <c>GET /api/feed?from=POSITION&amp;types=…&amp;streams=…</c>: the log as Server-Sent Events for integration partners.
/// Each event's SSE id is its position; a reconnect with <c>Last-Event-ID</c> resumes exactly after it (<c>from</c> is
/// likewise the last position the partner has: 0 or absent for the beginning, <c>end</c> for live events only).
/// <c>types</c> and <c>streams</c> are comma-separated prefixes. Heartbeat comments keep proxies from closing an idle feed.
/// <para>
/// Memory stays bounded whatever the consumer's speed: the subscription is pulled a batch at a time (what the log
/// has ready, at most <see cref="MaxBatch"/> events), written into the response and flushed once per batch; a flush
/// waits while the consumer is behind, and so does the reading, which then resumes from the log (catch-up) where it
/// stopped, so nothing live piles up in memory.
/// </para>
/// </summary>
public static class FeedEndpoint
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    /// <summary>Events written per flush at most (about 45 KB of typical events).</summary>
    private const int MaxBatch = 64;

    public static IEndpointRouteBuilder MapFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/feed", Stream);
        return app;
    }

    private static async Task Stream(HttpContext http, IEventStore store)
    {
        var ct = http.RequestAborted;
        var errors = new Dictionary<string, string[]>();
        var from = await ParseFrom(http, store, errors, ct);
        var types = Prefixes(http.Request.Query["types"]);
        var streams = Prefixes(http.Request.Query["streams"]);
        if (errors.Count > 0)
        {
            await Results.ValidationProblem(errors, title: "The feed request is not valid").ExecuteAsync(http);
            return;
        }

        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        var body = http.Response.BodyWriter;
        body.Write(": ecosystem registry feed\nretry: 2000\n\n"u8);
        await body.FlushAsync(ct);

        // SQL-side filter on types when given (the cheaper, more selective one); stream prefixes are checked as read.
        var filter = types.Length > 0 ? EventFilter.EventTypePrefix(types) : streams.Length > 0 ? EventFilter.StreamNamePrefix(streams) : null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var shared = Shared(store.SubscribeToAllAsync(from, filter, ct: stop.Token), streams);
        await using var events = new ReadyBatches<RecordedEvent>(shared.GetAsyncEnumerator(stop.Token), MaxBatch);
        var batch = new List<RecordedEvent>(MaxBatch);
        await using var json = new Utf8JsonWriter(body);
        try
        {
            while (await events.NextAsync(batch, Heartbeat, ct))
            {
                if (batch.Count == 0) body.Write(": heartbeat\n\n"u8);
                foreach (var e in batch) WriteEvent(body, json, e);
                if ((await body.FlushAsync(ct)).IsCompleted) break; // the consumer has gone
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        finally
        {
            await stop.CancelAsync(); // so that a subscription waiting for live events ends before it is disposed
        }
    }

    /// <summary>What a partner may receive: never the registry's own streams, and only the streams asked for.</summary>
    private static async IAsyncEnumerable<RecordedEvent> Shared(IAsyncEnumerable<SubscriptionMessage> subscription, string[] streams)
    {
        await foreach (var message in subscription)
            if (message is SubscriptionMessage.Event { Record: var e } && PartnerView.IsShared(e)
                && (streams.Length == 0 || streams.Any(p => e.StreamName.StartsWith(p, StringComparison.Ordinal))))
                yield return e;
    }

    /// <summary><c>id: position</c>, <c>event: type</c> and the envelope on one <c>data:</c> line.</summary>
    private static void WriteEvent(PipeWriter body, Utf8JsonWriter json, RecordedEvent e)
    {
        body.Write("id: "u8);
        var digits = body.GetSpan(20);
        Utf8Formatter.TryFormat(e.Position, digits, out var length);
        body.Advance(length);
        body.Write("\nevent: "u8);
        Encoding.UTF8.GetBytes(e.EventType, body);
        body.Write("\ndata: "u8);
        json.Reset(body);
        CloudEventEnvelope.Write(json, e);
        json.Flush();
        body.Write("\n\n"u8);
    }

    private static async Task<long> ParseFrom(HttpContext http, IEventStore store, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var lastEventId = http.Request.Headers["Last-Event-ID"].ToString();
        var (name, value) = lastEventId.Length > 0 ? ("Last-Event-ID", lastEventId) : ("from", http.Request.Query["from"].ToString());
        if (value.Length == 0) return 0;
        if (name == "from" && value == "end") return await store.GetHeadPositionAsync(ct);
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            errors[name] = [$"'{value}' is not a log position (a whole number ≥ 0{(name == "from" ? ", or 'end'" : "")})"];
            return 0;
        }
        // Positions are contiguous, so a partner can only hold one this log has reached. Waiting silently for the log
        // to get there would skip everything recorded until then (a position kept from another registry, or from
        // before a restore): say so instead.
        var head = await store.GetHeadPositionAsync(ct);
        if (position > head)
            errors[name] = [$"{position} is beyond the last position this registry has recorded ({head}): it was never delivered by this registry; resume from {head} or lower"];
        return position;
    }

    private static string[] Prefixes(Microsoft.Extensions.Primitives.StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
}
