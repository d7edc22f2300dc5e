using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.FileProviders;
using Registry.Contracts.Common;
using Registry.EventStore;
using Registry.Host.Feeds;

namespace Registry.Host.Http;

/// <summary>
/// The web dashboard the registry serves itself: static files from the wwwroot beside the executable (so it works
/// from any working directory and offline), plus the one read the dashboard needs that no read model answers — a
/// startup's history straight from its stream, with sources and without personal data.
/// </summary>
public static class DashboardEndpoints
{
    public static WebApplication MapDashboard(this WebApplication app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(root))
        {
            var files = new PhysicalFileProvider(root);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }
        app.MapGet("/api/startups/{id}/history", async (string id, string? asOf, IEventStore store, CancellationToken ct) =>
        {
            if (!TryParseAsOf(asOf, out var visible))
                return Results.Problem(statusCode: 400, title: "Invalid parameter 'asOf'", detail: "give a log position or an ISO 8601 date or timestamp",
                    extensions: new Dictionary<string, object?> { ["parameter"] = "asOf" });
            var events = new List<StartupHistoryEntry>();
            await foreach (var e in store.ReadStreamAsync(StreamNames.Startup(id), Direction.Forwards, 0, long.MaxValue, ct))
            {
                if (!visible(e)) continue;
                var metadata = JsonSerializer.Deserialize<EventMetadata>(e.Metadata, RegistryJson.Options);
                events.Add(new StartupHistoryEntry(e.EventId, e.Position, e.EventType, e.StreamName, metadata?.OccurredOn, metadata?.Source,
                    e.Recorded, JsonDocument.Parse(PartnerView.Data(e)).RootElement));
            }
            return events.Count == 0
                ? Results.Problem(statusCode: 404, title: "Not found", detail: $"no startup '{id}'")
                : Results.Json(new { startupId = id, events }, RegistryJson.Options);
        });
        return app;
    }

    /// <summary>Like the read API's asOf: a log position, or a date (the end of that day, UTC) or timestamp compared with the recorded time.</summary>
    private static bool TryParseAsOf(string? asOf, out Func<RecordedEvent, bool> visible)
    {
        visible = _ => true;
        if (string.IsNullOrWhiteSpace(asOf)) return true;
        if (long.TryParse(asOf, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            visible = e => e.Position <= position;
            return true;
        }
        if (DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var end = new DateTimeOffset(day.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);
            visible = e => e.Recorded <= end;
            return true;
        }
        if (!DateTimeOffset.TryParse(asOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)) return false;
        visible = e => e.Recorded <= at;
        return true;
    }

    /// <summary>One event of a startup's stream as the dashboard shows it: what happened, when, on whose word, and when the registry learned it.</summary>
    private sealed record StartupHistoryEntry(Guid EventId, long Position, string Type, string Stream, DateOnly? OccurredOn, string? Source,
        DateTimeOffset Recorded, JsonElement Data);
}
