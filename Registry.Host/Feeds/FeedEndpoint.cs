using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Registry.EventStore;
using Registry.EventStore.Subscriptions;

namespace Registry.Host.Feeds;

/// <summary>
/// <c>GET /api/feed?from=POSITION&amp;types=…&amp;streams=…</c>: the log as Server-Sent Events for integration partners.
/// Each event's SSE id is its position; a reconnect with <c>Last-Event-ID</c> resumes exactly after it (<c>from</c> is
/// likewise the last position the partner has: 0 or absent for the beginning, <c>end</c> for live events only).
/// <c>types</c> and <c>streams</c> are comma-separated prefixes. Heartbeat comments keep proxies from closing an idle feed.
/// <para>
/// Memory stays bounded whatever the consumer's speed: events are read from the log a page at a time into a small
/// bounded buffer; when the consumer is slow the reader simply waits, and resumes reading from the log (catch-up)
/// where it stopped, so nothing live piles up in memory.
/// </para>
/// </summary>
public static class FeedEndpoint
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);
    private const int Buffer = 256;

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
        await http.Response.WriteAsync(": ecosystem registry feed\nretry: 2000\n\n", ct);
        await http.Response.Body.FlushAsync(ct);

        // SQL-side filter on types when given (the cheaper, more selective one); stream prefixes are checked as read.
        var filter = types.Length > 0 ? EventFilter.EventTypePrefix(types) : streams.Length > 0 ? EventFilter.StreamNamePrefix(streams) : null;
        var buffer = Channel.CreateBounded<RecordedEvent>(new BoundedChannelOptions(Buffer) { SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reader = Task.Run(async () =>
        {
            try
            {
                await foreach (var message in store.SubscribeToAllAsync(from, filter, ct: stop.Token))
                    if (message is SubscriptionMessage.Event { Record: var e } && PartnerView.IsShared(e)
                        && (streams.Length == 0 || streams.Any(p => e.StreamName.StartsWith(p, StringComparison.Ordinal))))
                        await buffer.Writer.WriteAsync(e, stop.Token);
                buffer.Writer.TryComplete();
            }
            catch (Exception e) { buffer.Writer.TryComplete(e); }
        }, CancellationToken.None);

        try
        {
            while (!ct.IsCancellationRequested)
            {
                var ready = buffer.Reader.WaitToReadAsync(ct).AsTask();
                if (await Task.WhenAny(ready, Task.Delay(Heartbeat, ct)) != ready)
                {
                    await http.Response.WriteAsync(": heartbeat\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                    continue;
                }
                if (!await ready) break;
                while (buffer.Reader.TryRead(out var e)) await Write(http.Response, e, ct);
                await http.Response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        finally
        {
            await stop.CancelAsync();
            try { await reader; } catch (OperationCanceledException) { }
        }
    }

    private static async Task Write(HttpResponse response, RecordedEvent e, CancellationToken ct)
    {
        var envelope = CloudEventEnvelope.Encode(e);
        var head = Encoding.UTF8.GetBytes($"id: {e.Position.ToString(CultureInfo.InvariantCulture)}\nevent: {e.EventType}\ndata: ");
        await response.Body.WriteAsync(head, ct);
        await response.Body.WriteAsync(envelope, ct); // compact JSON: one line, as SSE data needs
        await response.Body.WriteAsync("\n\n"u8.ToArray(), ct);
    }

    private static async Task<long> ParseFrom(HttpContext http, IEventStore store, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var lastEventId = http.Request.Headers["Last-Event-ID"].ToString();
        var (name, value) = lastEventId.Length > 0 ? ("Last-Event-ID", lastEventId) : ("from", http.Request.Query["from"].ToString());
        if (value.Length == 0) return 0;
        if (name == "from" && value == "end") return await store.GetHeadPositionAsync(ct);
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var position)) return position;
        errors[name] = [$"'{value}' is not a log position (a whole number ≥ 0{(name == "from" ? ", or 'end'" : "")})"];
        return 0;
    }

    private static string[] Prefixes(Microsoft.Extensions.Primitives.StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
}
